using Outreach.Core.Campaigns;
using Outreach.Core.Outcomes;

namespace Outreach.Core.Planning;

/// <summary>
/// What an outcome does to a contact's tasks. Only pending tasks (planned, queued) are cancelled; a claimed task is
/// mid-send and finishes. The rules:
/// <list type="bullet">
/// <item>Reply, meeting booked, introduction accepted or declined: the contact answered, so steps marked
/// <see cref="StepCondition.OnlyIfNoReply"/> (follow-ups, nudges) are skipped. <see cref="StepCondition.Always"/> steps
/// stay: the give-first stay-in-touch note offers something and is as welcome after a conversation as before.</item>
/// <item>Unsubscribe: every pending task, whatever its condition or channel (they asked not to be contacted).</item>
/// <item>Hard bounce: every pending email task; LinkedIn drafts stay, since the address is what failed, not the person.
/// A soft bounce (mailbox full, greylisted) stops nothing: the address may work tomorrow.</item>
/// <item>Auto-reply (out of office): nothing.</item>
/// </list>
/// A reply matched to a sent task also moves that task to replied.
/// </summary>
public static class StopRules
{
    /// <summary>The transitions <paramref name="outcome"/> causes among the contact's tasks.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <param name="contactTasks">The contact's tasks with this owner (others are ignored).</param>
    public static IReadOnlyList<TaskTransition> Apply(Outcome outcome, IEnumerable<OutreachTask> contactTasks)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(contactTasks);
        var transitions = new List<TaskTransition>();
        foreach (var task in contactTasks)
        {
            if (!string.Equals(task.OwnerId, outcome.OwnerId, StringComparison.Ordinal)
                || !string.Equals(task.ContactId, outcome.ContactId, StringComparison.Ordinal))
            {
                continue;
            }

            if (Outcome.IsResponse(outcome.Type)
                && string.Equals(task.TaskId, outcome.TaskId, StringComparison.Ordinal)
                && TaskStateMachine.CanMove(task.Channel, task.State, TaskState.Replied))
            {
                transitions.Add(new TaskTransition(task.MoveTo(TaskState.Replied), task.State, TaskState.Replied));
            }
            else if (TaskStates.IsPending(task.State) && Cancels(outcome, task) is { } reason)
            {
                transitions.Add(TaskSkips.Skip(task, reason));
            }
        }

        return transitions;
    }

    private static string? Cancels(Outcome outcome, OutreachTask task) => outcome.Type switch
    {
        OutcomeType.Unsubscribed => SkipReasons.Unsubscribed,
        OutcomeType.Bounced when outcome.BounceSeverity == BounceSeverity.Hard => task.Channel == TaskChannel.Email ? SkipReasons.Bounced : null,
        OutcomeType.Replied when task.Condition == StepCondition.OnlyIfNoReply => SkipReasons.Replied,
        OutcomeType.MeetingBooked when task.Condition == StepCondition.OnlyIfNoReply => SkipReasons.MeetingBooked,
        OutcomeType.IntroAccepted or OutcomeType.IntroDeclined when task.Condition == StepCondition.OnlyIfNoReply => SkipReasons.IntroductionAnswered,
        _ => null,
    };
}
