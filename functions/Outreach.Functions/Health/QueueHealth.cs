namespace Outreach.Functions.Health;

/// <summary>A trigger queue's approximate message counts; null where the queue does not exist yet.</summary>
internal sealed record QueueHealth(string Name, int? Messages, int? PoisonMessages);
