using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Outreach.Functions.Hosting;
using Outreach.Storage;
using Outreach.Storage.Queues;

namespace Outreach.Functions.LocalRunner;

/// <summary>
/// Polls one queue for one function the way the storage extension does (host.json <c>extensions.queues</c>): receives
/// up to batchSize messages and runs them concurrently, fetches more once no more than newBatchThreshold are in flight,
/// backs off up to maxPollingInterval while the queue is empty. A success deletes the message; a failure makes it
/// visible again after visibilityTimeout; the attempt that reaches maxDequeueCount, or a message that is not valid
/// base64, moves it to <c>&lt;queue&gt;-poison</c> unchanged.
/// </summary>
internal sealed partial class QueueTriggerListener : ITriggerListener
{
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    private readonly FunctionDefinition _function;
    private readonly BindingDefinition _trigger;
    private readonly QueuesSection _settings;
    private readonly QueueClient _queue;
    private readonly QueueClient? _poison;
    private readonly QueueOutputWriter _outputs;
    private readonly FunctionInvocationClient _client;
    private readonly TimeSpan _lease;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public QueueTriggerListener(
        FunctionDefinition function, QueuesSection settings, StorageAccount storage, QueueOutputWriter outputs,
        FunctionInvocationClient client, TimeSpan lease, TimeProvider time, ILogger logger)
    {
        _function = function;
        _trigger = function.Trigger;
        _settings = settings;
        var encoding = settings.IsBase64 ? QueueMessageEncoding.Base64 : QueueMessageEncoding.None;
        _queue = storage.GetQueue(_trigger.QueueName!, encoding);

        // The poison queue gets the message's stored text unchanged, so it is written without encoding again.
        _poison = PoisonQueue.NameFor(_queue.Name) is { } poison ? storage.GetQueue(poison, QueueMessageEncoding.None) : null;
        _outputs = outputs;
        _client = client;
        _lease = lease;
        _time = time;
        _logger = logger;
    }

    public async Task RunAsync(CancellationToken stopping, CancellationToken abort)
    {
        var inFlight = new List<Task>();
        var idle = MinPollingInterval;
        var created = false;
        while (!stopping.IsCancellationRequested)
        {
            await RethrowFaultsAsync(inFlight).ConfigureAwait(false);
            inFlight.RemoveAll(t => t.IsCompleted);
            try
            {
                if (inFlight.Count > _settings.EffectiveNewBatchThreshold)
                {
                    await Task.WhenAny(inFlight).WaitAsync(stopping).ConfigureAwait(false);
                    continue;
                }

                // Like the host in development, create the trigger queue so a fresh Azurite works at once.
                if (!created)
                {
                    await _queue.CreateIfNotExistsAsync(stopping).ConfigureAwait(false);
                    created = true;
                }

                var messages = await _queue.ReceiveAsync(_settings.BatchSize, _lease, stopping).ConfigureAwait(false);
                if (messages.Count == 0)
                {
                    await Task.Delay(idle, _time, stopping).ConfigureAwait(false);
                    idle = Min(idle * 2, _settings.MaxPollingInterval);
                    continue;
                }

                idle = MinPollingInterval;
                inFlight.AddRange(messages.Select(message => Task.Run(() => ProcessAsync(message, abort), CancellationToken.None)));
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (StorageRequestException e)
            {
                LogPollFailed(_logger, _queue.Name, e);
                await DelayQuietlyAsync(_settings.MaxPollingInterval, stopping).ConfigureAwait(false);
            }
        }

        // Stop taking messages, but let those in flight finish (or be released when the grace period aborts them).
        await Task.WhenAll(inFlight).ConfigureAwait(false);
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken abort)
    {
        await using var lease = MessageLease.Start(_queue, message, _lease, _time, _logger);
        try
        {
            if (message.DequeueCount > _settings.MaxDequeueCount || message.DecodingFailed)
            {
                // Over the limit already (e.g. the app died during earlier attempts), or it can never be decoded.
                await MoveToPoisonAsync(message, lease, message.DecodingFailed ? "it is not valid base64" : "it exceeded maxDequeueCount").ConfigureAwait(false);
                return;
            }

            var result = await _client.InvokeAsync(_function.Name, Envelope(message, lease.PopReceipt), abort).ConfigureAwait(false);
            if (result.Succeeded)
            {
                await _outputs.WriteAsync(_function, result, abort).ConfigureAwait(false);
                await lease.DeleteAsync().ConfigureAwait(false);
                LogCompleted(_logger, _function.Name, message.MessageId, message.DequeueCount);
                return;
            }

            await FailAsync(message, lease, $"status {result.StatusCode}").ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // Shut down before it finished: make it visible now, so nothing waits out a lease or is lost.
            await lease.ReleaseAsync(TimeSpan.Zero).ConfigureAwait(false);
            LogReleased(_logger, _function.Name, message.MessageId);
        }
        catch (HttpRequestException e)
        {
            LogUnreachable(_logger, _function.Name, e);
            await FailAsync(message, lease, "the handler did not answer").ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Not a shutdown, so the invocation outlived functionTimeout: a failed attempt, as in the host.
            await FailAsync(message, lease, "it timed out").ConfigureAwait(false);
        }
        catch (StorageRequestException e)
        {
            // Finishing failed (e.g. the lease was lost); the message reappears when its visibility runs out.
            LogFinishFailed(_logger, _function.Name, message.MessageId, e);
        }
    }

    private async Task FailAsync(QueueMessage message, MessageLease lease, string reason)
    {
        if (message.DequeueCount >= _settings.MaxDequeueCount)
        {
            await MoveToPoisonAsync(message, lease, $"attempt {message.DequeueCount} of {_settings.MaxDequeueCount} failed ({reason})").ConfigureAwait(false);
            return;
        }

        await lease.ReleaseAsync(_settings.VisibilityTimeout).ConfigureAwait(false);
        LogRetrying(_logger, _function.Name, message.MessageId, message.DequeueCount, reason, _settings.VisibilityTimeout);
    }

    private async Task MoveToPoisonAsync(QueueMessage message, MessageLease lease, string reason)
    {
        if (_poison is null)
        {
            // No poison queue for this name: keep the message rather than drop it.
            LogNoPoisonQueue(_logger, _function.Name, message.MessageId, _queue.Name);
            await lease.ReleaseAsync(_settings.VisibilityTimeout).ConfigureAwait(false);
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _poison.CreateIfNotExistsAsync(timeout.Token).ConfigureAwait(false);
        await _poison.SendAsync(message.RawText, cancellationToken: timeout.Token).ConfigureAwait(false);
        await lease.DeleteAsync().ConfigureAwait(false);
        LogPoisoned(_logger, _function.Name, message.MessageId, _poison.Name, reason);
    }

    /// <summary>
    /// The host's queue envelope. Data carries the text JSON-encoded twice, as real hosts send strings, so a message
    /// whose text itself looks like a JSON string literal still arrives exactly as enqueued.
    /// </summary>
    private JsonObject Envelope(QueueMessage message, string popReceipt)
    {
        var value = _trigger.IsBinary ? Convert.ToBase64String(Encoding.UTF8.GetBytes(message.Text)) : JsonSerializer.Serialize(message.Text);
        return new JsonObject
        {
            ["Data"] = new JsonObject { [_trigger.Name] = value },
            ["Metadata"] = new JsonObject
            {
                ["DequeueCount"] = message.DequeueCount,
                ["ExpirationTime"] = message.ExpirationTime,
                ["Id"] = message.MessageId,
                ["InsertionTime"] = message.InsertionTime,
                ["NextVisibleTime"] = message.NextVisibleTime,
                ["PopReceipt"] = popReceipt,
                ["sys"] = SystemMetadata.Create(_function.Name, _time.GetUtcNow()),
            },
        };
    }

    private async Task DelayQuietlyAsync(TimeSpan delay, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(delay, _time, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>A message task that threw is a bug in the runner; surface it rather than drop it with the finished tasks.</summary>
    private static async Task RethrowFaultsAsync(List<Task> inFlight)
    {
        foreach (var faulted in inFlight.Where(t => t.IsFaulted))
        {
            await faulted.ConfigureAwait(false);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Function} completed message {MessageId} (attempt {DequeueCount})")]
    private static partial void LogCompleted(ILogger logger, string function, string messageId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function} failed message {MessageId} on attempt {DequeueCount} ({Reason}); it is retried after {Delay}")]
    private static partial void LogRetrying(ILogger logger, string function, string messageId, long dequeueCount, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Function} moved message {MessageId} to {PoisonQueue}: {Reason}")]
    private static partial void LogPoisoned(ILogger logger, string function, string messageId, string poisonQueue, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Function} gave up on message {MessageId}, but {Queue} has no poison queue; it stays in the queue")]
    private static partial void LogNoPoisonQueue(ILogger logger, string function, string messageId, string queue);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Function} was stopped during message {MessageId}; it is visible again")]
    private static partial void LogReleased(ILogger logger, string function, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function} could not reach the handler")]
    private static partial void LogUnreachable(ILogger logger, string function, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function} could not finish message {MessageId}; it reappears when its lease runs out")]
    private static partial void LogFinishFailed(ILogger logger, string function, string messageId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling queue {Queue} failed; trying again")]
    private static partial void LogPollFailed(ILogger logger, string queue, Exception exception);
}
