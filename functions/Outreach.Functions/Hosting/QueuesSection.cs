namespace Outreach.Functions.Hosting;

/// <summary>
/// host.json <c>extensions.queues</c>, with the storage extension's own defaults for anything left out
/// (Microsoft.Azure.WebJobs.Extensions.Storage.Queues QueuesOptions).
/// </summary>
internal sealed class QueuesSection
{
    public const int MaxBatchSize = 32;

    /// <summary>Longest wait between polls of an empty queue; polling backs off up to this.</summary>
    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a failed message stays invisible before its next attempt.</summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.Zero;

    public int BatchSize { get; init; } = 16;

    public int MaxDequeueCount { get; init; } = 5;

    /// <summary>Fetch the next batch once this few messages are still in flight (default half a batch).</summary>
    public int? NewBatchThreshold { get; init; }

    public string MessageEncoding { get; init; } = "base64";

    public bool IsBase64 => string.Equals(MessageEncoding, "base64", StringComparison.OrdinalIgnoreCase);

    public int EffectiveNewBatchThreshold => NewBatchThreshold ?? BatchSize / 2;

    /// <summary>The problems in these settings, each naming its host.json key; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (MaxPollingInterval < TimeSpan.FromMilliseconds(100))
        {
            yield return "extensions.queues.maxPollingInterval must be at least 00:00:00.100";
        }

        if (VisibilityTimeout < TimeSpan.Zero || VisibilityTimeout > TimeSpan.FromDays(7))
        {
            yield return "extensions.queues.visibilityTimeout must be between 00:00:00 and 7.00:00:00";
        }

        if (BatchSize is < 1 or > MaxBatchSize)
        {
            yield return $"extensions.queues.batchSize must be between 1 and {MaxBatchSize}";
        }

        if (MaxDequeueCount < 1)
        {
            yield return "extensions.queues.maxDequeueCount must be at least 1";
        }

        if (NewBatchThreshold is < 0)
        {
            yield return "extensions.queues.newBatchThreshold must not be negative";
        }

        if (!IsBase64 && !string.Equals(MessageEncoding, "none", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"extensions.queues.messageEncoding must be 'base64' or 'none', not '{MessageEncoding}'";
        }
    }
}
