using Outreach.Core.Outcomes;
using Outreach.Core.Planning;
using Outreach.Storage.Stores.Sending;

namespace Outreach.Storage.Stores.Outcomes;

/// <summary>
/// <see cref="IOpenSequenceIndex"/> over the contact email index and the task table: the owners' contacts with the
/// address, kept when they still have a pending or in-flight task, with the most recently sent task. When several
/// owners (or contacts) have the address open, which is when the matcher needs it, each also carries the address its
/// latest email went out from (one point read of the sent-message index each; a LinkedIn step marked done has none).
/// </summary>
/// <param name="emails">Address → owners' contacts.</param>
/// <param name="tasks">The task table.</param>
/// <param name="sent">The sent-message index (by task), for the address each latest email went out from.</param>
public sealed class TableOpenSequenceIndex(TableContactEmailIndex emails, ITaskStore tasks, TableSentMessageIndex sent) : IOpenSequenceIndex
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<OpenSequence>> FindOpenByContactEmailAsync(string emailKey, CancellationToken cancellationToken)
    {
        var open = new List<(OpenSequence Sequence, OutreachTask? LastEmail)>();
        foreach (var (ownerId, contactId) in await emails.FindAsync(emailKey, cancellationToken).ConfigureAwait(false))
        {
            var contactTasks = await tasks.ListForContactAsync(ownerId, contactId, cancellationToken).ConfigureAwait(false);
            if (contactTasks.Any(t => TaskStates.IsPending(t.State) || t.State == TaskState.Claimed))
            {
                var lastSent = contactTasks.Where(t => t.SentUtc is not null).MaxBy(t => t.SentUtc);
                var lastEmail = contactTasks.Where(t => t.SentUtc is not null && t.Channel == TaskChannel.Email).MaxBy(t => t.SentUtc);
                open.Add((new OpenSequence(ownerId, contactId, lastSent?.TaskId), lastEmail));
            }
        }

        if (open.Count < 2)
        {
            return [.. open.Select(o => o.Sequence)];
        }

        var withSender = new List<OpenSequence>(open.Count);
        foreach (var (sequence, lastEmail) in open)
        {
            var from = lastEmail is null ? null : await sent.FindByTaskIdAsync(lastEmail.TaskId, cancellationToken).ConfigureAwait(false);
            withSender.Add(sequence with { SenderEmailKey = from?.SenderEmailKey });
        }

        return withSender;
    }
}
