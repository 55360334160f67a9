namespace Outreach.Core.Scoring;

/// <summary>The span of <c>sent_at</c> covered by the training rows.</summary>
/// <param name="From">Earliest send time.</param>
/// <param name="To">Latest send time.</param>
public sealed record TrainingWindow(DateTimeOffset From, DateTimeOffset To);
