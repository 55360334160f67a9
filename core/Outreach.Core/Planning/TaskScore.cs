using Outreach.Core.Messaging.Templates;

namespace Outreach.Core.Planning;

/// <summary>A predicted reply probability for one task, or none (neutral: it counts as the 5 % baseline).</summary>
/// <param name="TaskId">The task scored.</param>
/// <param name="Probability">The predicted probability of a reply (0..1), or null for no opinion.</param>
/// <param name="Explanation">Why, in words an owner can read (the strongest contributions), or null.</param>
/// <param name="ModelId">
/// The model that gave it (<see cref="ITaskScorer.CurrentModelIdAsync"/> at scoring time), stored with the score so the
/// dispatcher scores the task again only when another model is deployed (or its due time moves to another local hour);
/// null scores it again at every run.
/// </param>
/// <param name="MessageStats">
/// The counts of the task's draft when the scorer measured it (the dispatcher stores them with the score, so the draft
/// is rendered once, not at every run); null when the scorer measured nothing, which leaves the task's own as they were.
/// </param>
public sealed record TaskScore(string TaskId, double? Probability, string? Explanation, string? ModelId, MessageStats? MessageStats = null);
