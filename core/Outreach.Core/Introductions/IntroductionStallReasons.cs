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
    /// No introduction email is stored and none can be planned again (the owner's introduction campaign lost its
    /// <c>intro</c> step, or the sender profile is gone), so no email will ever go out. A missing email that can be
    /// planned is planned by the timer instead (<see cref="IntroductionService.AdvanceAsync"/>).
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
    /// No consent ask is stored and none can be planned again (the owner's introduction campaign lost its <c>intro_ask</c>
    /// step, or the sender profile is gone), so B will never be asked. A missing ask that can be planned is planned by
    /// the timer instead (<see cref="IntroductionService.AdvanceAsync"/>).
    /// </summary>
    public const string ConsentAskMissing = "consent-ask-missing";

    /// <summary>
    /// Why waiting for B's answer is pointless: a reason when <paramref name="consentAsk"/> was skipped or failed for good,
    /// or is missing; null when it went out or may still go out.
    /// </summary>
    /// <param name="consentAsk">The introduction's <c>intro_ask</c> task, or null when none is stored (or could be planned).</param>
    public static string? OfConsentAsk(OutreachTask? consentAsk) =>
        consentAsk is null ? ConsentAskMissing : NotSent(consentAsk, ConsentAskSkipped, ConsentAskFailed);

    /// <summary><paramref name="skipped"/> and the task's skip reason, <paramref name="failed"/>, or null while it went or may go out.</summary>
    private static string? NotSent(OutreachTask task, string skipped, string failed) => task.State switch
    {
        TaskState.Skipped => $"{skipped}: {task.SkipReason ?? "unknown"}",
        TaskState.Failed => failed,
        _ => null,
    };
}
