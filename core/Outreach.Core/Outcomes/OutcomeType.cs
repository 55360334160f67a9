namespace Outreach.Core.Outcomes;

/// <summary>
/// What happened after an outreach: the one outcome vocabulary shared by the inbound processor, manual outcomes,
/// the campaign stop rules (<see cref="Planning.StopRules"/>) and the training labels.
/// </summary>
public enum OutcomeType
{
    /// <summary>A person replied.</summary>
    Replied,

    /// <summary>An out-of-office or other machine answer: recorded, not a reply.</summary>
    AutoReplied,

    /// <summary>A meeting or call was booked (manual).</summary>
    MeetingBooked,

    /// <summary>The contact said yes to a proposed introduction (manual).</summary>
    IntroAccepted,

    /// <summary>The contact said no to a proposed introduction (manual); still a response.</summary>
    IntroDeclined,

    /// <summary>The message bounced; see <see cref="Outcome.BounceSeverity"/>.</summary>
    Bounced,

    /// <summary>The contact unsubscribed.</summary>
    Unsubscribed,
}
