using Outreach.Core.Messaging.Delivery;
using Outreach.Core.Senders;
using Outreach.Core.Sending;

namespace Outreach.Core.Tests.Sending;

/// <summary>A transport whose results are scripted per send (Sent when nothing is scripted); it records every message handed to it.</summary>
internal sealed class ScriptedTransport : IMailTransport, IMailTransportProvider
{
    private readonly Queue<Func<OutgoingMessage, SendResult>> _script = new();

    public List<OutgoingMessage> Messages { get; } = [];

    public ScriptedTransport Then(SendResultKind kind, int? statusCode = null, string? cause = null)
    {
        _script.Enqueue(m => new SendResult(kind, m.MessageId, statusCode, "scripted reply naming someone@example.org") { Cause = cause });
        return this;
    }

    public ScriptedTransport Then(Func<OutgoingMessage, SendResult> reply)
    {
        _script.Enqueue(reply);
        return this;
    }

    public MailTransportLease ForSender(SenderProfile sender) => MailTransportLease.Unowned(this);

    public Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        Messages.Add(message);
        return Task.FromResult(_script.TryDequeue(out var next) ? next(message) : SendResult.Sent(message.MessageId));
    }
}
