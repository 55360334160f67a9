namespace Outreach.Core.Outcomes;

/// <summary>What an inbound message is.</summary>
public enum InboundKind
{
    /// <summary>A person answered: counts as a reply and stops the sequence.</summary>
    Reply,

    /// <summary>An out-of-office, vacation responder, read receipt or other machine answer: recorded, not a reply, does not stop the sequence.</summary>
    AutoReply,

    /// <summary>A delivery-status notification: the message did not arrive (hard) or has not yet (soft).</summary>
    Bounce,
}
