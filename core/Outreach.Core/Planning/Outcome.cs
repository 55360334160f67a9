namespace Outreach.Core.Planning;

/// <summary>An outcome for one contact of one owner.</summary>
/// <param name="OwnerId">The owner whose message it answers.</param>
/// <param name="ContactId">The contact.</param>
/// <param name="Kind">What happened.</param>
/// <param name="TaskId">The task it answers when matched (In-Reply-To/References or a token), else null.</param>
public sealed record Outcome(string OwnerId, string ContactId, OutcomeKind Kind, string? TaskId = null);
