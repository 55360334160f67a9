using Outreach.Core.Planning;

namespace Outreach.Core.Introductions;

/// <summary>
/// Why an introduction <see cref="IntroductionState.Stalled"/> (<see cref="Introduction.StalledReason"/>): the
/// introduction email, which the nudge to A follows, never went out or was never planned; or, before B answered, the
/// consent ask to B never went out, so B cannot answer and only the introducer can move it on.
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

    /// <summary>The consent ask to B was skipped (e.g. B is suppressed); the stored reason adds the task's skip reason after a colon.</summary>
    public const string ConsentAskSkipped = "consent-ask-skipped";

    /// <summary>Sending the consent ask to B failed for good.</summary>
    public const string ConsentAskFailed = "consent-ask-failed";

    /// <summary>
    /// Why the nudge must not follow <paramref name="introductionEmail"/>: a reason when it was skipped, failed or is
    /// missing, null when it went out or may still go out (a claimed or queued email is not taken back; the nudge waits
    /// for it).
    /// </summary>
    /// <param name="introductionEmail">The introduction's <c>intro</c> task, or null when none is stored.</param>
    public static string? Of(OutreachTask? introductionEmail) =>
        introductionEmail is null ? EmailMissing : NotSent(introductionEmail, EmailSkipped, EmailFailed);

    /// <summary>
    /// No consent ask is stored <see cref="ConsentAskMissingAfter"/> or more after the request: storing it failed after
    /// the request was stored (the caller got an error), so B will never be asked. A request whose ask the planner would
    /// refuse is not stored at all (<see cref="IntroductionService.RequestAsync"/>).
    /// </summary>
    public const string ConsentAskMissing = "consent-ask-missing";

    /// <summary>
    /// How long after the request a missing consent ask means it will never come: the ask is written a moment after the
    /// request, and the timer must not stall one in between.
    /// </summary>
    public static readonly TimeSpan ConsentAskMissingAfter = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Why waiting for B's answer is pointless: a reason when <paramref name="consentAsk"/> was skipped or failed for good,
    /// or is still missing <see cref="ConsentAskMissingAfter"/> after the request; null when it went out or may still go out.
    /// </summary>
    /// <param name="consentAsk">The introduction's <c>intro_ask</c> task, or null when none is stored.</param>
    /// <param name="sinceRequested">How long ago the request was made.</param>
    public static string? OfConsentAsk(OutreachTask? consentAsk, TimeSpan sinceRequested) => consentAsk is null
        ? (sinceRequested >= ConsentAskMissingAfter ? ConsentAskMissing : null)
        : NotSent(consentAsk, ConsentAskSkipped, ConsentAskFailed);

    /// <summary><paramref name="skipped"/> and the task's skip reason, <paramref name="failed"/>, or null while it went or may go out.</summary>
    private static string? NotSent(OutreachTask task, string skipped, string failed) => task.State switch
    {
        TaskState.Skipped => $"{skipped}: {task.SkipReason ?? "unknown"}",
        TaskState.Failed => failed,
        _ => null,
    };
}
