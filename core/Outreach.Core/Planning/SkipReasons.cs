namespace Outreach.Core.Planning;

/// <summary>The reasons a task is skipped, as stored in <see cref="OutreachTask.SkipReason"/>.</summary>
public static class SkipReasons
{
    /// <summary>The contact is on the owner's suppression list.</summary>
    public const string Suppressed = "suppressed";

    /// <summary>An email-only step for a contact without an email address.</summary>
    public const string NoEmail = "no-email";

    /// <summary>The contact replied.</summary>
    public const string Replied = "replied";

    /// <summary>The contact booked a meeting.</summary>
    public const string MeetingBooked = "meeting-booked";

    /// <summary>The contact answered an introduction request (yes or no): they replied, or their consent ask is moot.</summary>
    public const string IntroductionAnswered = "introduction-answered";

    /// <summary>The contact unsubscribed.</summary>
    public const string Unsubscribed = "unsubscribed";

    /// <summary>Mail to the contact bounced.</summary>
    public const string Bounced = "bounced";

    /// <summary>The owner deleted the campaign the task was planned from.</summary>
    public const string CampaignDeleted = "campaign-deleted";

    /// <summary>The owner took the task's step out of its campaign.</summary>
    public const string StepRemoved = "step-removed";

    /// <summary>The introduction completed (A or B followed up, or the introducer closed it): A needs no nudge.</summary>
    public const string IntroductionCompleted = "introduction-completed";

    /// <summary>The introducer withdrew the introduction request before B answered: B is not asked.</summary>
    public const string IntroductionCancelled = "introduction-cancelled";

    /// <summary>The introduction request expired before its consent ask went out: B is not asked a question nobody may answer any more.</summary>
    public const string IntroductionExpired = "introduction-expired";

    /// <summary>The owner skipped the task by hand (<c>POST /api/tasks/{id}/skip</c>): a failed send not worth retrying, a step they no longer want.</summary>
    public const string ByOwner = "by-owner";
}
