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

    /// <summary>
    /// The mail a client sends for the <c>mailto:</c> form of <c>List-Unsubscribe</c>, with a genuine token
    /// (<see cref="UnsubscribeRequest"/>): the contact asked to stop, which is not a reply. Never the classifier's verdict:
    /// the function app checks the token before the message is classified.
    /// </summary>
    Unsubscribe,
}
