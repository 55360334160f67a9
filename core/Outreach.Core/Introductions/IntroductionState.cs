namespace Outreach.Core.Introductions;

/// <summary>Where a double opt-in introduction is. Moves are made by <see cref="IntroductionWorkflow"/> only.</summary>
public enum IntroductionState
{
    /// <summary>The consent ask to B is out; waiting for B's yes or no until the consent deadline.</summary>
    AwaitingConsent,

    /// <summary>B said no. Final; A is not told (that is the point of asking B first).</summary>
    Declined,

    /// <summary>B did not answer before the deadline. Final.</summary>
    Expired,

    /// <summary>B said yes and the introduction email to A and B (introducer in copy) is planned.</summary>
    Introduced,

    /// <summary>Nobody followed up within the nudge delay; A was nudged.</summary>
    Nudged,

    /// <summary>Someone followed up, or the introducer closed it. Final.</summary>
    Completed,

    /// <summary>The introducer withdrew before B answered. Final.</summary>
    Cancelled,

    /// <summary>
    /// B said yes but the introduction email never went out (skipped, e.g. A or B is suppressed, failed for good, or never
    /// planned), so A is not nudged about it; <see cref="Introduction.StalledReason"/> says why. A follow-up or the introducer's close
    /// completes it. Also a request whose consent ask to B was skipped, failed for good or never stored before B answered (no
    /// <see cref="Introduction.Answer"/>): the introducer may still answer for B or cancel it.
    /// </summary>
    Stalled,
}
