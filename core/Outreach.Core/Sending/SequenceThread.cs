using Outreach.Core.Messaging.Delivery;
using Outreach.Core.Planning;

namespace Outreach.Core.Sending;

/// <summary>
/// Where a campaign step's email belongs in the recipient's mailbox: under the emails already sent to the same contact
/// by earlier steps of the same campaign (one enrolment: task ids derive from owner, campaign, contact and step, so a
/// contact is in a campaign's sequence once). The Message-ID each of those was sent with is on its task
/// (<see cref="OutreachTask.MessageId"/>, stored at claim time), so the contact's task list, read alongside the other
/// reads of a send, is all it takes. Only emails that went out count: a LinkedIn draft sent by hand, a step skipped,
/// failed, still in flight or waiting for review has no message in the recipient's mailbox to thread under.
/// An introduction's messages form their own conversation: one is threaded under the earlier emails of the same
/// introduction that every one of its recipients received, so the nudge to A follows the introduction email A got with
/// B, while the introduction email itself (to A and B) does not follow the consent ask, which only B got. Campaign
/// emails and introduction messages to the same contact never thread under each other.
/// </summary>
public static class SequenceThread
{
    /// <summary>The thread headers of <paramref name="task"/>'s email, read from its contact's tasks.</summary>
    /// <param name="task">The task about to be sent.</param>
    /// <param name="tasks">The task store.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<ThreadHeaders?> ReadAsync(OutreachTask task, ITaskStore tasks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(tasks);
        return Of(task, await tasks.ListForContactAsync(task.OwnerId, task.ContactId, cancellationToken));
    }

    /// <summary>
    /// The thread headers of <paramref name="task"/>'s email given its contact's tasks: <c>In-Reply-To</c> the latest
    /// earlier email of the same campaign (or, for an introduction message, of the same introduction, received by all of
    /// its recipients) that was sent, <c>References</c> those emails oldest first; null when none was sent (the first
    /// step, or only hand-sent, skipped or unsent steps before it).
    /// </summary>
    /// <param name="task">The task about to be sent.</param>
    /// <param name="contactTasks">Every task of the same owner and contact (<see cref="ITaskStore.ListForContactAsync"/>).</param>
    public static ThreadHeaders? Of(OutreachTask task, IEnumerable<OutreachTask> contactTasks)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(contactTasks);
        var earlier = contactTasks
            .Where(t => IsEarlierSendOfSequence(task, t))
            .OrderBy(t => t.SentUtc)
            .ThenBy(t => t.DueUtc)
            .ThenBy(t => t.TaskId, StringComparer.Ordinal)
            .Select(t => t.MessageId);
        return ThreadHeaders.After(earlier);
    }

    private static bool IsEarlierSendOfSequence(OutreachTask task, OutreachTask other) =>
        !string.Equals(other.TaskId, task.TaskId, StringComparison.Ordinal)
        && string.Equals(other.OwnerId, task.OwnerId, StringComparison.Ordinal)
        && string.Equals(other.ContactId, task.ContactId, StringComparison.Ordinal)
        && IsSameConversation(task, other)
        && other.Channel == TaskChannel.Email
        && other.State is TaskState.Sent or TaskState.Replied
        && other.SentUtc is not null
        && other.MessageId is not null;

    private static bool IsSameConversation(OutreachTask task, OutreachTask other) => task.IntroductionId is null
        ? other.IntroductionId is null && string.Equals(other.CampaignId, task.CampaignId, StringComparison.Ordinal)
        : string.Equals(other.IntroductionId, task.IntroductionId, StringComparison.Ordinal) && Recipients(task).IsSubsetOf(Recipients(other));

    private static HashSet<string> Recipients(OutreachTask task) => new([task.ContactId, .. task.AlsoToContactIds], StringComparer.Ordinal);
}
