namespace Outreach.Core.Planning;

/// <summary>What happened after a message went out. Every kind but <see cref="AutoReply"/> can stop a sequence.</summary>
public enum OutcomeKind
{
    /// <summary>The contact answered.</summary>
    Replied,

    /// <summary>The contact booked a meeting.</summary>
    MeetingBooked,

    /// <summary>The contact unsubscribed (List-Unsubscribe or a reply asking to stop).</summary>
    Unsubscribed,

    /// <summary>The message bounced.</summary>
    Bounced,

    /// <summary>The contact said yes to an introduction.</summary>
    IntroAccepted,

    /// <summary>The contact said no to an introduction.</summary>
    IntroDeclined,

    /// <summary>An out-of-office or other automatic answer: not a reply, stops nothing.</summary>
    AutoReply,
}
