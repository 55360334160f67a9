using System.Text.Json.Serialization;

namespace Outreach.Functions.Health;

/// <summary>The answer of <c>GET /api/health</c>.</summary>
/// <param name="Version">The handler's informational version.</param>
/// <param name="Storage">ok, unreachable, rejected (credentials) or not-configured.</param>
/// <param name="Detail">Why storage is not ok; null when it is.</param>
/// <param name="Queues">Each trigger queue with its approximate backlog and poison count (null: not created yet).</param>
internal sealed record HealthReport(string Version, string Storage, string? Detail, IReadOnlyList<QueueHealth> Queues)
{
    [JsonIgnore]
    public bool Healthy => Storage == StorageStates.Ok;
}
