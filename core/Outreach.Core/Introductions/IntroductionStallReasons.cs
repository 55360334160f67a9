using Outreach.Core.Planning;

namespace Outreach.Core.Introductions;

/// <summary>
/// Why an introduction <see cref="IntroductionState.Stalled"/> (<see cref="Introduction.StalledReason"/>): the
/// introduction email, which the nudge to A follows, never went out or was never planned.
/// </summary>
public static class IntroductionStallReasons
{
    /// <summary>The introduction email was skipped; the stored reason adds the task's skip reason after a colon.</summary>
    public const string EmailSkipped = "introduction-email-skipped";

    /// <summary>Sending the introduction email failed for good.</summary>
    public const string EmailFailed = "introduction-email-failed";

    /// <summary>
    /// No introduction email is stored: B said yes and the introduction was stored, but planning its email failed
    /// (a retried yes is a no-op and plans nothing), so no email will ever go out.
    /// </summary>
    public const string EmailMissing = "introduction-email-missing";

    /// <summary>
    /// Why the nudge must not follow <paramref name="introductionEmail"/>: a reason when it was skipped, failed or is
    /// missing, null when it went out or may still go out (a claimed or queued email is not taken back; the nudge waits
    /// for it).
    /// </summary>
    /// <param name="introductionEmail">The introduction's <c>intro</c> task, or null when none is stored.</param>
    public static string? Of(OutreachTask? introductionEmail) => introductionEmail is null ? EmailMissing : introductionEmail.State switch
    {
        TaskState.Skipped => $"{EmailSkipped}: {introductionEmail.SkipReason ?? "unknown"}",
        TaskState.Failed => EmailFailed,
        _ => null,
    };
}
