namespace Outreach.Core.Outcomes;

/// <summary>The classifier's verdict and the evidence for it.</summary>
/// <param name="Kind">Reply, auto-reply, bounce, or an unsubscribe mail.</param>
/// <param name="Signals">Which rules fired (e.g. <c>header:Auto-Submitted</c>, <c>subject:auto-reply-prefix</c>); header names and rule names only, never content.</param>
/// <param name="Bounce">The bounce details when <paramref name="Kind"/> is <see cref="InboundKind.Bounce"/>.</param>
public sealed record InboundClassification(InboundKind Kind, IReadOnlyList<string> Signals, BounceReport? Bounce = null);
