namespace Outreach.Core.Campaigns;

/// <summary>When a planned step still goes out after the contact has answered.</summary>
public enum StepCondition
{
    /// <summary>Cancelled by a reply, a booked meeting or an introduction answer (follow-ups: chasing someone who answered is rude).</summary>
    OnlyIfNoReply,

    /// <summary>Survives a reply (a give-first note a month on is welcome either way); still cancelled by unsubscribe, and by a bounce for email.</summary>
    Always,
}
