namespace Outreach.Core.Messaging.Delivery;

/// <summary>What happened to a send, and what the caller should do next.</summary>
public enum SendResultKind
{
    /// <summary>Accepted by the server (for every recipient, or for some: see <see cref="SendResult.Rejections"/>). Mark the task sent.</summary>
    Sent,

    /// <summary>Not accepted, for a reason that may pass (4xx reply, connection refused, a timeout before the content was handed over). Release the claim and retry later.</summary>
    Transient,

    /// <summary>The recipient was permanently refused (5xx on RCPT, e.g. 550/551/553). Suppress the address; do not retry.</summary>
    Rejected,

    /// <summary>Permanently refused for a reason that is not the recipient (authentication, sender refused, message refused). Fail the task and alert; do not suppress the recipient.</summary>
    Failed,

    /// <summary>
    /// Unknown: the message content was handed to the server, but its reply never came (a timeout or a dropped
    /// connection after DATA), so the server may have taken it. Never retry: a person decides whether it went out.
    /// </summary>
    Unconfirmed,
}
