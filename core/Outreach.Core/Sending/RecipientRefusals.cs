using Outreach.Core.Contacts;
using Outreach.Core.Messaging.Delivery;
using Outreach.Core.Outcomes;
using Outreach.Core.Planning;

namespace Outreach.Core.Sending;

/// <summary>
/// What a permanent SMTP refusal of a recipient (5xx on RCPT) means for the owner's data: the address is suppressed
/// (<c>bounced</c>) and, as a hard bounce, stops that contact's pending email steps. It applies to every refused
/// recipient: a message refused for everyone (the task failed), and an introduction refused for one of its two people
/// (the task was sent, since the other person got it).
/// </summary>
internal sealed class RecipientRefusals(SendStores stores)
{
    /// <summary>
    /// The recipients whose address <paramref name="result"/> refused for good. A transport that names no rejections
    /// for a <see cref="SendResultKind.Rejected"/> result refused the first recipient. A refused address that is no
    /// recipient's (the sender in copy) is left alone: it is not a contact's address to suppress.
    /// </summary>
    public static IReadOnlyList<Contact> RefusedOf(IReadOnlyList<Contact> recipients, SendResult result)
    {
        if (result.Kind == SendResultKind.Rejected && result.Rejections.Count == 0)
        {
            return [recipients[0]];
        }

        var refusedKeys = result.Rejections.Where(r => r.IsPermanent).Select(r => ContactKeys.EmailKey(r.Recipient.Address)).ToHashSet(StringComparer.Ordinal);
        return [.. recipients.Where(r => r.EmailKey is { } key && refusedKeys.Contains(key))];
    }

    /// <summary>Suppresses each refused address and applies the hard bounce's stop rules to that contact's tasks.</summary>
    public async Task RecordAsync(OutreachTask task, IReadOnlyList<Contact> refused, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var contact in refused)
        {
            await stores.Suppressions.AddAsync(SuppressionEntry.ForEmail(task.OwnerId, contact.Email!, SkipReasons.Bounced, now), cancellationToken);
            var bounce = new Outcome
            {
                OwnerId = task.OwnerId,
                ContactId = contact.ContactId,
                TaskId = task.TaskId,
                Type = OutcomeType.Bounced,
                BounceSeverity = BounceSeverity.Hard,
                OccurredAt = now,
                Source = OutcomeSource.SendRejection,
                DedupeKey = "send-rejection:" + DedupeKeys.Sha256Hex(task.OwnerId, task.TaskId, contact.ContactId),
            };
            var contactTasks = await stores.Tasks.ListForContactAsync(task.OwnerId, contact.ContactId, cancellationToken);
            foreach (var transition in StopRules.Apply(bounce, contactTasks))
            {
                // A task that moved meanwhile is decided by whoever moved it; the suppression stops it at its own send.
                await stores.Tasks.TryReplaceAsync(transition.Task, cancellationToken);
            }
        }
    }
}
