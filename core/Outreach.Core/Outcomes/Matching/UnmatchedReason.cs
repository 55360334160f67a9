namespace Outreach.Core.Outcomes;

/// <summary>Why an inbound message could not be tied to a task.</summary>
public enum UnmatchedReason
{
    /// <summary>It was matched.</summary>
    None,

    /// <summary>No known Message-ID, no valid token, and no open sequence for the sender.</summary>
    NoCandidate,

    /// <summary>
    /// The sender has open sequences with more than one owner (or contact) and the recipients do not single one out, so
    /// guessing could leak one owner's mail to another.
    /// </summary>
    AmbiguousSender,

    /// <summary>The message is in a thread we started but comes from the owner's own sending address (their reply-all), so it is no answer from the contact.</summary>
    FromOwner,
}
