namespace Outreach.Core.Sending;

/// <summary>What one delivery of a send request did (logged, and asserted by tests).</summary>
public enum SendAttemptKind
{
    /// <summary>SMTP accepted the message and the task is marked sent.</summary>
    Sent,

    /// <summary>The task is not queued (already sent, skipped, failed, in review, or given back): nothing sent.</summary>
    NotQueued,

    /// <summary>The task no longer exists (e.g. the contact was erased): nothing sent.</summary>
    TaskMissing,

    /// <summary>A LinkedIn draft: sent by hand, never by email.</summary>
    NotEmail,

    /// <summary>Found claimed with a stale claim: a crashed attempt may have sent it, so it went to needs_review.</summary>
    StaleClaim,

    /// <summary>Found claimed by an attempt still in flight: retried later.</summary>
    ClaimInFlight,

    /// <summary>Another attempt claimed or changed the task first: nothing sent.</summary>
    LostClaim,

    /// <summary>The contact or address is suppressed: the task is skipped.</summary>
    Suppressed,

    /// <summary>The sender's daily cap is used: the task went back to planned for the next window.</summary>
    CapReached,

    /// <summary>Delivered outside the sender's sending window: the task went back to planned for the next opening.</summary>
    OutsideWindow,

    /// <summary>Contact, address, sender profile or template is unusable: the task failed with the reason.</summary>
    Unsendable,

    /// <summary>A transient SMTP failure: the claim was released and the message is retried.</summary>
    RetryLater,

    /// <summary>A transient failure on the last attempt: the task failed; the message goes to the poison queue.</summary>
    GaveUp,

    /// <summary>The recipient was refused permanently (5xx): the task failed, the address is suppressed, pending email steps stop.</summary>
    Rejected,

    /// <summary>Our side failed (authentication, sender refused): the task failed; retrying would not help.</summary>
    Failed,

    /// <summary>The server was handed the message but never confirmed it: it may have been sent, so the task went to needs_review, never out again.</summary>
    Unconfirmed,
}
