using Outreach.Core.Messaging.Templates;
using Outreach.Core.Planning;
using Outreach.Functions.Dispatching;

namespace Outreach.Functions.Campaigns;

/// <summary>
/// Marks the planned tasks whose draft an edit changed for measuring and scoring again (<see cref="StaleDrafts"/>): the
/// owner's template of a kind saved or deleted (every planned task of that kind), contacts an import merged into (their
/// notes, position or company may have changed), or the sender details every draft prints (name, signature, school).
/// </summary>
internal sealed class PendingDrafts(DispatchStorage storage, ITaskStore tasks, ITaskListing listing, IDueIndex index, TimeProvider time)
{
    private static readonly TaskQuery Planned = new() { States = [TaskState.Planned] };

    /// <summary>The owner's planned tasks of <paramref name="kind"/>, after their template was saved or deleted.</summary>
    /// <returns>How many were marked.</returns>
    public async Task<int> OfTemplateChangedAsync(string ownerId, TemplateKind kind, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var planned = await listing.ListAsync(ownerId, Planned, cancellationToken).ConfigureAwait(false);
        return await StaleDrafts.ScoreAgainAsync(tasks, index, planned.Where(t => t.Template == kind), time, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The owner's planned tasks to <paramref name="contactIds"/>, after the contacts were edited (one partition query per contact).</summary>
    /// <returns>How many were marked.</returns>
    public async Task<int> OfContactsChangedAsync(string ownerId, IEnumerable<string> contactIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contactIds);
        var ids = contactIds.ToList();
        if (ids.Count == 0)
        {
            return 0;
        }

        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var marked = 0;
        foreach (var contactId in ids)
        {
            var ofContact = await tasks.ListForContactAsync(ownerId, contactId, cancellationToken).ConfigureAwait(false);
            marked += await StaleDrafts.ScoreAgainAsync(tasks, index, ofContact, time, cancellationToken).ConfigureAwait(false);
        }

        return marked;
    }

    /// <summary>Every planned task of the owner, after the sender details their drafts print changed.</summary>
    /// <returns>How many were marked.</returns>
    public async Task<int> OfSenderChangedAsync(string ownerId, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var planned = await listing.ListAsync(ownerId, Planned, cancellationToken).ConfigureAwait(false);
        return await StaleDrafts.ScoreAgainAsync(tasks, index, planned, time, cancellationToken).ConfigureAwait(false);
    }
}
