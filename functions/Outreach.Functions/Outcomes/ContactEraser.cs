using Microsoft.Extensions.Options;
using Outreach.Core.Analytics.Events;
using Outreach.Core.Contacts;
using Outreach.Core.Outcomes;
using Outreach.Core.Planning;
using Outreach.Functions.Imports;
using Outreach.Functions.Introductions;
using Outreach.Storage;
using Outreach.Storage.Stores;

namespace Outreach.Functions.Outcomes;

/// <summary>
/// Erases one contact: gathers what is stored about it, lets <see cref="ErasurePlanner"/> decide, and carries the plan
/// out in its order (contact last, so a failed run is resumed by erasing again): tasks with the sent-message rows they
/// left, outcomes with their notes, inbound ledger keys, blobs under the contact's prefixes, the suppressions of its
/// addresses replaced by their hashes (in the lists of the owner's suppression cohort too, <see cref="SuppressionCohort"/>), then, before the contact with its keys, the introductions naming it
/// (<see cref="IntroductionEraser"/>) and its rows in every kept import file and record (<see cref="ImportErasure"/>).
/// Metric counters stay; only their per-contact dedupe markers go. It runs under the owner's import lease
/// (<see cref="ImportLeases"/>), so never while an import of the owner runs: such an import could merge a row into the
/// contact being erased, or save its record with the contact's rows after the erasure had been through it.
/// </summary>
internal sealed partial class ContactEraser(
    TableStores stores,
    StorageAccount account,
    MetricsRecorder metrics,
    IntroductionEraser introductions,
    ImportErasure imports,
    ImportLeases leases,
    SuppressionCohort cohort,
    IOptions<ImportsOptions> importsOptions,
    ILogger<ContactEraser> logger)
{
    /// <returns>False when the owner has no such contact.</returns>
    /// <exception cref="Core.DomainException"><c>import.owner-busy</c>: an import of the owner ran on for longer than <see cref="ImportsOptions.ConcurrentImportWait"/>.</exception>
    public async Task<bool> EraseAsync(string ownerId, string contactId, CancellationToken cancellationToken)
    {
        if (await stores.Contacts.GetAsync(ownerId, contactId, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        var lease = await leases.AcquireAsync(
            ownerId,
            $"erasure-{contactId}",
            importsOptions.Value.ConcurrentImportWait,
            "An import for this account is still running; erase the contact again once it has finished (its report is under Recent imports). Nothing was erased yet.",
            "id",
            cancellationToken).ConfigureAwait(false);
        await using (lease.ConfigureAwait(false))
        {
            // Read again under the lease: an import that ran meanwhile may have added to it (an email it had not), or erased it.
            if (await stores.Contacts.GetAsync(ownerId, contactId, cancellationToken).ConfigureAwait(false) is not { } contact)
            {
                return false;
            }

            await EraseAsync(contact, lease, cancellationToken).ConfigureAwait(false);
            return true;
        }
    }

    private async Task EraseAsync(Contact contact, ImportLease lease, CancellationToken cancellationToken)
    {
        var (ownerId, contactId) = (contact.OwnerId, contact.ContactId);
        var tasks = await stores.Tasks.ListForContactAsync(ownerId, contactId, cancellationToken).ConfigureAwait(false);
        var outcomes = await stores.Outcomes.ListForContactAsync(ownerId, contactId, cancellationToken).ConfigureAwait(false);
        var plan = ErasurePlanner.Plan(new ErasureRequest
        {
            Contact = contact,
            Tasks = [.. tasks.Select(t => new ErasureTask(t.TaskId, t.SentUtc is { } sent ? DateOnly.FromDateTime(sent.UtcDateTime) : null, t.StepId, t.TemplateName))],
            Outcomes = outcomes,
            InboundMessageKeys = [.. outcomes.Where(o => o.Source == OutcomeSource.Inbound).Select(o => o.DedupeKey).Distinct(StringComparer.Ordinal)],
        });

        var byId = tasks.ToDictionary(t => t.TaskId, StringComparer.Ordinal);
        foreach (var step in plan.Steps)
        {
            await lease.RenewIfDueAsync(cancellationToken).ConfigureAwait(false);
            if (step.Target == ErasureTarget.Contact)
            {
                await introductions.EraseAsync(ownerId, contactId, cancellationToken).ConfigureAwait(false);
                // Keys imports claimed for the contact (a second address) find its rows too, and mark rejected rows as its.
                var keys = await stores.Contacts.KeysOfAsync(ownerId, contactId, cancellationToken).ConfigureAwait(false);
                string[] identifying = [.. plan.ForbiddenValues.Select(v => v.Value), .. keys.Where(k => k.Kind != ContactKeyKind.NameAndCompany).Select(k => k.Value)];
                await imports.EraseAsync(contact, keys, identifying, cancellationToken).ConfigureAwait(false);
            }

            await CarryOutAsync(plan, step, byId, cancellationToken).ConfigureAwait(false);
        }

        await metrics.RecordAsync(new ContactErased(ownerId, contactId), TimeZoneInfo.Utc, cancellationToken).ConfigureAwait(false);
        LogErased(ownerId, contactId, plan.Steps.Count);
    }

    private async Task CarryOutAsync(ErasurePlan plan, ErasureStep step, Dictionary<string, OutreachTask> tasks, CancellationToken cancellationToken)
    {
        switch (step.Target)
        {
            case ErasureTarget.Task:
                await stores.SentMessages.RemoveAsync(step.Key, tasks[step.Key].MessageId, cancellationToken).ConfigureAwait(false);
                await stores.Tasks.DeleteAsync(plan.OwnerId, step.Key, cancellationToken).ConfigureAwait(false);
                break;
            case ErasureTarget.Outcome:
                await stores.Outcomes.DeleteAsync(plan.OwnerId, step.Key, cancellationToken).ConfigureAwait(false);
                break;
            case ErasureTarget.InboundMessage:
                await stores.InboundLedger.RemoveAsync(step.Key, cancellationToken).ConfigureAwait(false);
                break;
            case ErasureTarget.BlobPrefix:
                await DeleteBlobsAsync(step.Key, cancellationToken).ConfigureAwait(false);
                break;
            case ErasureTarget.ImportRow:
                // Done with the contact step for every import of the owner (ImportErasure), not only the file the
                // contact came from: a later file may have merged into it.
                break;
            case ErasureTarget.Suppression:
                await HashSuppressionAsync(plan, cancellationToken).ConfigureAwait(false);
                break;
            case ErasureTarget.Contact:
                await stores.Contacts.DeleteAsync(plan.OwnerId, step.Key, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"No handler for erasure target {step.Target}.");
        }
    }

    private async Task DeleteBlobsAsync(string containerAndPrefix, CancellationToken cancellationToken)
    {
        var slash = containerAndPrefix.IndexOf('/', StringComparison.Ordinal);
        var container = account.GetBlobContainer(containerAndPrefix[..slash]);
        var names = new List<string>();
        try
        {
            await foreach (var blob in container.ListAsync(containerAndPrefix[(slash + 1)..], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                names.Add(blob.Name);
            }
        }
        catch (StorageRequestException e) when (e.Status == 404)
        {
            return; // the container was never created: nothing was stored
        }

        foreach (var name in names)
        {
            await container.DeleteIfExistsAsync(name, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task HashSuppressionAsync(ErasurePlan plan, CancellationToken cancellationToken)
    {
        // Every address of the contact: a second one an import brought may have been suppressed too (a bounce or send
        // rejection there), and bounces stored before bounced addresses were hashed named it in plain text.
        var keys = await stores.Contacts.KeysOfAsync(plan.OwnerId, plan.ContactId, cancellationToken).ConfigureAwait(false);
        var emailKeys = keys.Where(k => k.Kind == ContactKeyKind.Email).Select(k => SuppressionEntry.EmailKey(k.Value))
            .Append(SuppressionEntry.EmailKey(plan.ForbiddenValues.First(v => v.Kind == PersonalDataKind.Email).Value))
            .ToHashSet(StringComparer.Ordinal);

        // Cohort members' copies are stored hashed now, but ones written before that named the address too.
        foreach (var ownerId in await cohort.OwnersSharingAsync(plan.OwnerId, cancellationToken).ConfigureAwait(false))
        {
            var entries = await stores.Suppressions.ListAsync(ownerId, cancellationToken).ConfigureAwait(false);
            foreach (var entry in entries.Where(e => emailKeys.Contains(e.Key)))
            {
                // Hash first, then remove: a crash in between leaves the address suppressed twice, never not at all.
                var address = entry.Key[(entry.Key.IndexOf(':', StringComparison.Ordinal) + 1)..];
                await stores.Suppressions.AddAsync(SuppressionEntry.ForEmailHash(ownerId, address, entry.Reason, entry.SuppressedUtc), cancellationToken).ConfigureAwait(false);
                await stores.Suppressions.RemoveAsync(ownerId, entry.Key, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased contact {ContactId} of owner {OwnerId} ({Steps} steps).")]
    private partial void LogErased(string ownerId, string contactId, int steps);
}
