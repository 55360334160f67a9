namespace Outreach.Core.Planning;

/// <summary>A task that goes out today, at <see cref="SendAtUtc"/> (now for the first, then spaced).</summary>
/// <param name="Task">The task (still in its pending state; the dispatcher moves it to queued).</param>
/// <param name="SendAtUtc">When to send: enqueue with this visibility delay.</param>
public sealed record ScheduledSend(OutreachTask Task, DateTimeOffset SendAtUtc);
