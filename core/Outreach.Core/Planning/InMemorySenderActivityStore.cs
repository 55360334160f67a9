using System.Collections.Concurrent;

namespace Outreach.Core.Planning;

/// <summary>Sender activity held in memory per owner: for tests and single-process runs. Thread-safe.</summary>
public sealed class InMemorySenderActivityStore : ISenderActivityStore
{
    private readonly ConcurrentDictionary<string, SenderActivity> _owners = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<SenderActivity> GetAsync(string ownerId, CancellationToken cancellationToken) =>
        Task.FromResult(_owners.GetValueOrDefault(ownerId, SenderActivity.None));

    /// <inheritdoc />
    public Task<SenderActivity> RecordSendAsync(string ownerId, DateOnly localDay, DateTimeOffset sentUtc, CancellationToken cancellationToken) =>
        Task.FromResult(_owners.AddOrUpdate(
            ownerId,
            static (_, send) => SenderActivityCounting.Add(SenderActivity.None, send.localDay, send.sentUtc),
            static (_, current, send) => SenderActivityCounting.Add(current, send.localDay, send.sentUtc),
            (localDay, sentUtc)));

    /// <inheritdoc />
    public Task<SenderActivity> RecordQueuedAsync(string ownerId, DateTimeOffset sendAtUtc, CancellationToken cancellationToken) =>
        Task.FromResult(_owners.AddOrUpdate(
            ownerId,
            static (_, slot) => SenderActivityCounting.Queue(SenderActivity.None, slot),
            static (_, current, slot) => SenderActivityCounting.Queue(current, slot),
            sendAtUtc));

    /// <inheritdoc />
    public Task<bool> TryReserveSendAsync(string ownerId, DateOnly localDay, int dailyCap, CancellationToken cancellationToken)
    {
        while (true)
        {
            var found = _owners.TryGetValue(ownerId, out var stored);
            var current = found ? stored! : SenderActivity.None;
            if (SenderActivityCounting.Reserve(current, localDay, dailyCap) is not { } next)
            {
                return Task.FromResult(false);
            }

            // Compare-and-swap, the in-memory counterpart of the table store's ETag: retried when another send got in first.
            if (found ? _owners.TryUpdate(ownerId, next, current) : _owners.TryAdd(ownerId, next))
            {
                return Task.FromResult(true);
            }
        }
    }

    /// <inheritdoc />
    public Task ReleaseSendAsync(string ownerId, DateOnly localDay, CancellationToken cancellationToken)
    {
        _owners.AddOrUpdate(
            ownerId, static (_, _) => SenderActivity.None, static (_, current, day) => SenderActivityCounting.Release(current, day), localDay);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RecordReservedSentAsync(string ownerId, DateTimeOffset sentUtc, CancellationToken cancellationToken)
    {
        _owners.AddOrUpdate(
            ownerId,
            static (_, sent) => SenderActivityCounting.Sent(SenderActivity.None, sent),
            static (_, current, sent) => SenderActivityCounting.Sent(current, sent),
            sentUtc);
        return Task.CompletedTask;
    }
}
