using Outreach.Storage;
using Outreach.Storage.Queues;

namespace Outreach.Functions.LocalRunner;

/// <summary>
/// Keeps a received message invisible while its invocation runs (renewing at half the lease, like the host's
/// visibility renewal) and finishes it exactly once: deleted, or made visible again after a delay. Every update
/// returns a new pop receipt, so renewals and the finish are serialized.
/// </summary>
internal sealed partial class MessageLease : IAsyncDisposable
{
    /// <summary>Finishing a message must not be cut short by shutdown; this bounds it instead.</summary>
    private static readonly TimeSpan FinishTimeout = TimeSpan.FromSeconds(10);

    private readonly QueueClient _queue;
    private readonly string _messageId;
    private readonly TimeSpan _duration;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stopRenewing = new();
    private readonly Task _renewing;
    private bool _finished;

    private MessageLease(QueueClient queue, QueueMessage message, TimeSpan duration, TimeProvider time, ILogger logger)
    {
        _queue = queue;
        _messageId = message.MessageId;
        PopReceipt = message.PopReceipt;
        _duration = duration;
        _time = time;
        _logger = logger;
        _renewing = RenewAsync();
    }

    public string PopReceipt { get; private set; }

    public static MessageLease Start(QueueClient queue, QueueMessage message, TimeSpan duration, TimeProvider time, ILogger logger) =>
        new(queue, message, duration, time, logger);

    public Task DeleteAsync() => FinishAsync(token => _queue.DeleteAsync(_messageId, PopReceipt, token));

    /// <summary>Makes the message visible again after <paramref name="delay"/> (zero: at once).</summary>
    public Task ReleaseAsync(TimeSpan delay) =>
        FinishAsync(async token => PopReceipt = await _queue.UpdateAsync(_messageId, PopReceipt, delay, cancellationToken: token).ConfigureAwait(false));

    public async ValueTask DisposeAsync()
    {
        await _stopRenewing.CancelAsync().ConfigureAwait(false);
        await _renewing.ConfigureAwait(false);
        _stopRenewing.Dispose();
        _gate.Dispose();
    }

    private async Task FinishAsync(Func<CancellationToken, Task> finish)
    {
        await _stopRenewing.CancelAsync().ConfigureAwait(false);
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (_finished)
            {
                throw new InvalidOperationException($"Message {_messageId} in {_queue.Name} was already finished.");
            }

            _finished = true;
            using var timeout = new CancellationTokenSource(FinishTimeout);
            await finish(timeout.Token).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RenewAsync()
    {
        var token = _stopRenewing.Token;
        try
        {
            while (true)
            {
                await Task.Delay(_duration / 2, _time, token).ConfigureAwait(false);
                await _gate.WaitAsync(token).ConfigureAwait(false);
                try
                {
                    if (_finished)
                    {
                        return;
                    }

                    PopReceipt = await _queue.UpdateAsync(_messageId, PopReceipt, _duration, cancellationToken: token).ConfigureAwait(false);
                }
                catch (StorageRequestException e)
                {
                    // The next renewal tries again; if the lease runs out meanwhile the message is redelivered (at least once).
                    LogRenewFailed(_logger, _queue.Name, _messageId, e);
                }
                finally
                {
                    _gate.Release();
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Finished or disposed.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not extend the lease of message {MessageId} in {Queue}")]
    private static partial void LogRenewFailed(ILogger logger, string queue, string messageId, Exception exception);
}
