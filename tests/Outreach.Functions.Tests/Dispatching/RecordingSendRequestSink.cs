using System.Collections.Concurrent;
using Outreach.Core.Planning;

namespace Outreach.Functions.Tests.Dispatching;

/// <summary>The real queue sink, remembering each request's delay (the queue itself only shows messages once visible).</summary>
internal sealed class RecordingSendRequestSink(ISendRequestSink inner) : ISendRequestSink
{
    private readonly ConcurrentQueue<(SendRequest Request, TimeSpan Delay)> _sent = new();

    public IReadOnlyList<(SendRequest Request, TimeSpan Delay)> Sent => [.. _sent];

    public async Task EnqueueAsync(SendRequest request, TimeSpan delay, CancellationToken cancellationToken)
    {
        await inner.EnqueueAsync(request, delay, cancellationToken);
        _sent.Enqueue((request, delay));
    }
}
