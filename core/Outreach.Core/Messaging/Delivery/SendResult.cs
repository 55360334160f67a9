namespace Outreach.Core.Messaging.Delivery;

/// <summary>
/// The outcome of one send. Transports return expected failures as results (no exception), so the send function
/// can branch on <see cref="Kind"/>: mark sent, release for retry, suppress the address, or fail the task.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="MessageId">The message's Message-ID (the same as <see cref="OutgoingMessage.MessageId"/>).</param>
/// <param name="StatusCode">The SMTP reply code behind a failure, when there was one.</param>
/// <param name="Reason">A short reason for a failure; it may quote the server's reply, which can contain an address,
/// so store it with the task but never log it.</param>
public sealed record SendResult(SendResultKind Kind, string MessageId, int? StatusCode = null, string? Reason = null)
{
    /// <summary>Recipients refused while others were accepted (a <see cref="SendResultKind.Sent"/> introduction where one address bounced), or all refused.</summary>
    public IReadOnlyList<RecipientRejection> Rejections { get; init; } = [];

    /// <summary>What the transport recognised behind a failure without a reply code (one of <see cref="SendFailureCauses"/>),
    /// or null. Unlike <see cref="Reason"/> it never contains an address.</summary>
    public string? Cause { get; init; }

    /// <summary>A successful send.</summary>
    public static SendResult Sent(string messageId) => new(SendResultKind.Sent, messageId);

    /// <summary>Throws <see cref="MailTransientException"/> for a transient result, for callers that retry by failing
    /// (a queue-triggered function whose message then becomes visible again).</summary>
    public SendResult ThrowIfTransient() =>
        Kind == SendResultKind.Transient ? throw new MailTransientException(MessageId, StatusCode) : this;
}
