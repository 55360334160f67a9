using Outreach.Core.Outcomes;
using Outreach.Core.Planning;

namespace Outreach.Functions.Outcomes;

/// <summary>
/// Carries out the campaign stop rules (<see cref="StopRules"/>) for one outcome: reads the contact's tasks, moves
/// those the rules name (skipped with the reason, or the answered task to replied), and on a lost ETag race reads
/// again and re-decides (<see cref="TaskTransitionWriter"/>). Re-running it changes nothing, so redeliveries are harmless.
/// </summary>
internal sealed class PendingStepStopper(ITaskStore tasks)
{
    /// <returns>How many tasks moved.</returns>
    public Task<int> ApplyAsync(Outcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return TaskTransitionWriter.ApplyAsync(
            tasks,
            ct => tasks.ListForContactAsync(outcome.OwnerId, outcome.ContactId, ct),
            current => StopRules.Apply(outcome, current),
            cancellationToken);
    }
}
