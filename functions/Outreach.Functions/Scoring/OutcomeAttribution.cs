using Outreach.Core.Outcomes;
using Outreach.Core.Planning;

namespace Outreach.Functions.Scoring;

/// <summary>
/// Which sent task each outcome answers: the task it names, else (a manual outcome given for a contact) the contact's
/// latest task sent before it happened. Outcomes that answer no sent task are dropped.
/// </summary>
internal static class OutcomeAttribution
{
    public static IReadOnlyDictionary<string, List<Outcome>> ByTask(IReadOnlyList<OutreachTask> sentTasks, IReadOnlyList<Outcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(sentTasks);
        ArgumentNullException.ThrowIfNull(outcomes);
        var byTask = sentTasks.ToDictionary(t => t.TaskId, _ => new List<Outcome>(), StringComparer.Ordinal);
        var byContact = sentTasks.GroupBy(t => t.ContactId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.SentUtc).ToList(), StringComparer.Ordinal);
        foreach (var outcome in outcomes)
        {
            if (outcome.TaskId is { } taskId)
            {
                if (byTask.TryGetValue(taskId, out var named))
                {
                    named.Add(outcome);
                }

                continue;
            }

            if (byContact.TryGetValue(outcome.ContactId, out var tasks) && tasks.LastOrDefault(t => t.SentUtc <= outcome.OccurredAt) is { } latest)
            {
                byTask[latest.TaskId].Add(outcome);
            }
        }

        return byTask;
    }
}
