using System.Text.Json;
using Outreach.Core.Planning;
using Outreach.Storage.Queues;

namespace Outreach.Storage.Stores.Planning;

/// <summary>
/// <see cref="ISendRequestSink"/> on a storage queue: each request is one message, camel-case JSON
/// (<c>{"ownerId":"…","taskId":"…"}</c>, what the send function reads), hidden for the requested delay. The queue must use the encoding the send function's trigger reads
/// (host.json <c>messageEncoding</c>: base64).
/// </summary>
/// <param name="queue">The send queue (e.g. <c>account.GetQueue(SendRequest.QueueName, QueueMessageEncoding.Base64)</c>); it must exist.</param>
public sealed class QueueSendRequestSink(QueueClient queue) : ISendRequestSink
{
    private readonly QueueClient _queue = queue ?? throw new ArgumentNullException(nameof(queue));

    /// <inheritdoc />
    public async Task EnqueueAsync(SendRequest request, TimeSpan delay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Never expire: a message hidden until its send time must still be there when it comes due.
        await _queue.SendAsync(JsonSerializer.Serialize(request, JsonSerializerOptions.Web), delay, QueueClient.NeverExpires, cancellationToken).ConfigureAwait(false);
    }
}
