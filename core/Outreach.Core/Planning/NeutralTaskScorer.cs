namespace Outreach.Core.Planning;

/// <summary>
/// The scorer used until a response model is trained: no model (its id is null, so the dispatcher asks it for no scores)
/// and no opinion on any task, so all count as the baseline.
/// </summary>
public sealed class NeutralTaskScorer : ITaskScorer
{
    /// <inheritdoc />
    public Task<string?> CurrentModelIdAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    /// <inheritdoc />
    public Task<IReadOnlyList<TaskScore>> ScoreAsync(string ownerId, IReadOnlyList<OutreachTask> tasks, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TaskScore>>([]);
}
