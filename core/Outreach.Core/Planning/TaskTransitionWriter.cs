namespace Outreach.Core.Planning;

/// <summary>
/// Persists the transitions a rule decides on a set of tasks, ETag-conditionally: a task that moved meanwhile (claimed,
/// answered) loses its replace, and then the tasks are read again and the rule decides again, a bounded number of
/// rounds. A rule that moves nothing on tasks it already moved makes running it again harmless.
/// </summary>
public static class TaskTransitionWriter
{
    private const int MaxRounds = 5;

    /// <summary>Reads the tasks, applies what <paramref name="decide"/> names and retries lost races.</summary>
    /// <param name="tasks">The task table.</param>
    /// <param name="read">Reads the tasks the rule looks at.</param>
    /// <param name="decide">The rule: the transitions among the tasks read.</param>
    /// <param name="cancellationToken">Cancels reads and writes.</param>
    /// <returns>How many tasks moved.</returns>
    public static async Task<int> ApplyAsync(
        ITaskStore tasks,
        Func<CancellationToken, Task<IReadOnlyList<OutreachTask>>> read,
        Func<IReadOnlyList<OutreachTask>, IReadOnlyList<TaskTransition>> decide,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(decide);
        var moved = 0;
        for (var round = 0; round < MaxRounds; round++)
        {
            var current = await read(cancellationToken).ConfigureAwait(false);
            var lost = false;
            foreach (var transition in decide(current))
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
                break;
            }
        }

        return moved;
    }
}
