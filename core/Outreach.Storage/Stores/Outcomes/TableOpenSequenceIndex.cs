using Outreach.Core.Outcomes;
using Outreach.Core.Planning;
using Outreach.Storage.Stores.Sending;

namespace Outreach.Storage.Stores.Outcomes;

/// <summary>
/// <see cref="IOpenSequenceIndex"/> over the contact email index and the task table: the owners' contacts with the
/// address, kept when they still have a pending or in-flight task, with the most recently sent task and the address it
/// went out from (one point read of the sent-message index per open sequence with a sent email).
/// </summary>
/// <param name="emails">Address → owners' contacts.</param>
/// <param name="tasks">The task table.</param>
/// <param name="sent">The sent-message index (by task), for the address each last email went out from.</param>
public sealed class TableOpenSequenceIndex(TableContactEmailIndex emails, ITaskStore tasks, TableSentMessageIndex sent) : IOpenSequenceIndex
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<OpenSequence>> FindOpenByContactEmailAsync(string emailKey, CancellationToken cancellationToken)
    {
        var open = new List<OpenSequence>();
        foreach (var (ownerId, contactId) in await emails.FindAsync(emailKey, cancellationToken).ConfigureAwait(false))
        {
            var contactTasks = await tasks.ListForContactAsync(ownerId, contactId, cancellationToken).ConfigureAwait(false);
            if (contactTasks.Any(t => TaskStates.IsPending(t.State) || t.State == TaskState.Claimed))
            {
                var lastSent = contactTasks.Where(t => t.SentUtc is not null).MaxBy(t => t.SentUtc);
                var from = lastSent is null ? null : await sent.FindByTaskIdAsync(lastSent.TaskId, cancellationToken).ConfigureAwait(false);
                open.Add(new OpenSequence(ownerId, contactId, lastSent?.TaskId, from?.SenderEmailKey));
            }
        }

        return open;
    }
}
