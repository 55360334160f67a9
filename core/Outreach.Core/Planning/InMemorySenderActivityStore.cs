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
}
