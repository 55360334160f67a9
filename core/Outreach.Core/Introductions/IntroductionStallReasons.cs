using Outreach.Core.Planning;

namespace Outreach.Core.Introductions;

/// <summary>
/// Why an introduction <see cref="IntroductionState.Stalled"/> (<see cref="Introduction.StalledReason"/>): the
/// introduction email, which the nudge to A follows, never went out.
/// </summary>
public static class IntroductionStallReasons
{
    /// <summary>The introduction email was skipped; the stored reason adds the task's skip reason after a colon.</summary>
    public const string EmailSkipped = "introduction-email-skipped";

    /// <summary>Sending the introduction email failed for good.</summary>
    public const string EmailFailed = "introduction-email-failed";

    /// <summary>
    /// Why the nudge must not follow <paramref name="introductionEmail"/>: a reason when it was skipped or failed, null
    /// when it went out or may still go out (a claimed or queued email is not taken back).
    /// </summary>
    /// <param name="introductionEmail">The introduction's <c>intro</c> task, or null when none is stored.</param>
    public static string? Of(OutreachTask? introductionEmail) => introductionEmail?.State switch
    {
        TaskState.Skipped => $"{EmailSkipped}: {introductionEmail.SkipReason ?? "unknown"}",
        TaskState.Failed => EmailFailed,
        _ => null,
    };
}
