using Outreach.Core.Outcomes;
using Outreach.Core.Planning;

namespace Outreach.Functions.Outcomes;

/// <summary>
/// Carries out the campaign stop rules (<see cref="StopRules"/>) for one outcome: reads the contact's tasks, moves
/// those the rules name (skipped with the reason, or the answered task to replied), and on a lost ETag race reads
/// again and re-decides, a bounded number of times. Re-running it changes nothing, so redeliveries are harmless.
/// </summary>
internal sealed class PendingStepStopper(ITaskStore tasks)
{
    private const int MaxRounds = 5;

    /// <returns>How many tasks moved.</returns>
    public async Task<int> ApplyAsync(Outcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var moved = 0;
        for (var round = 0; round < MaxRounds; round++)
        {
            var current = await tasks.ListForContactAsync(outcome.OwnerId, outcome.ContactId, cancellationToken).ConfigureAwait(false);
            var lost = false;
            foreach (var transition in StopRules.Apply(outcome, current))
            {
                if (await tasks.TryReplaceAsync(transition.Task, cancellationToken).ConfigureAwait(false) is null)
                {
                    lost = true; // claimed or changed meanwhile: re-read and decide again
                }
                else
                {
                    moved++;
                }
            }

            if (!lost)
            {
                return moved;
            }
        }

        return moved;
    }
}
