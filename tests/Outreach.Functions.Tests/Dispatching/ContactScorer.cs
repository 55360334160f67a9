using Outreach.Core.Planning;

namespace Outreach.Functions.Tests.Dispatching;

/// <summary>A stand-in for the response model: a fixed probability per contact id (contacts not listed stay unscored).</summary>
internal sealed class ContactScorer : ITaskScorer
{
    public Dictionary<string, double> ByContact { get; } = new(StringComparer.Ordinal);

    public string ModelId { get; set; } = "test-model";

    public Task<string?> CurrentModelIdAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(ModelId);

    public Task<IReadOnlyList<TaskScore>> ScoreAsync(string ownerId, IReadOnlyList<OutreachTask> tasks, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TaskScore>>(
            [.. tasks.Where(t => ByContact.ContainsKey(t.ContactId)).Select(t => new TaskScore(t.TaskId, ByContact[t.ContactId], "test score", ModelId))]);
}
