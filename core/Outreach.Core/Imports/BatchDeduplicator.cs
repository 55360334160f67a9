using Outreach.Core.Contacts;

namespace Outreach.Core.Imports;

/// <summary>
/// De-duplicates a batch of staged rows against the contacts this import created (<see cref="DedupeIndex"/>),
/// the contacts already changed in this batch, and the stored contacts (one <see cref="IContactDirectory"/>
/// lookup per batch), in that order for each key, email first, then LinkedIn URL, then name + company. Then it
/// hands the batch's created and changed contacts to the sink in one write.
/// </summary>
internal sealed class BatchDeduplicator(string ownerId, IContactDirectory directory, IContactSink sink)
{
    private static readonly IReadOnlyDictionary<ContactKey, Contact> NothingFound = new Dictionary<ContactKey, Contact>();

    private readonly DedupeIndex _index = new();
    private readonly HashSet<ContactKey> _lookup = [];
    private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly List<Contact> _batch = [];
    private readonly Dictionary<ContactKey, string> _pendingKeys = [];

    /// <summary>Resolves every accepted row of <paramref name="rows"/> and writes the batch; appends one result per row, in order.</summary>
    public async ValueTask ProcessAsync(List<StagedRow> rows, List<ImportRowResult> results, CancellationToken cancellationToken)
    {
        var found = await LookUpAsync(rows, cancellationToken);
        foreach (var row in rows)
        {
            results.Add(row.IsRejected
                ? new ImportRowResult(row.Line, ImportRowOutcome.Rejected, null, row.Errors!, row.RawText)
                : Resolve(row, found));
        }

        await FlushAsync(cancellationToken);
    }

    private async ValueTask<IReadOnlyDictionary<ContactKey, Contact>> LookUpAsync(List<StagedRow> rows, CancellationToken cancellationToken)
    {
        _lookup.Clear();
        foreach (var row in rows)
        {
            foreach (var key in row.Keys)
            {
                // A key of a contact this import created is answered by the index; storage has nothing newer.
                if (!_index.Contains(key))
                {
                    _lookup.Add(key);
                }
            }
        }

        return _lookup.Count == 0 ? NothingFound : await directory.FindAsync(ownerId, _lookup, cancellationToken);
    }

    private ImportRowResult Resolve(StagedRow row, IReadOnlyDictionary<ContactKey, Contact> found)
    {
        var incoming = row.Contact!;
        foreach (var key in row.Keys)
        {
            if (_pendingKeys.TryGetValue(key, out var pendingId))
            {
                return MergeInto(row, _pending[pendingId]);
            }

            if (_index.TryGet(key, out var createdId))
            {
                var id = ContactIdFactory.Format(createdId);
                if (_pending.TryGetValue(id, out var created))
                {
                    return MergeInto(row, created);
                }

                // Created by this import and already written: send only what this row adds; the sink merges it.
                Stage(new Pending(incoming with { ContactId = id }, createdId), row.Keys);
                return new ImportRowResult(row.Line, ImportRowOutcome.Merged, id, [], null);
            }

            if (found.TryGetValue(key, out var stored))
            {
                return _pending.TryGetValue(stored.ContactId, out var changed)
                    ? MergeInto(row, changed)
                    : MergeInto(row, new Pending(stored, CreatedId: null));
            }
        }

        var newId = ContactIdFactory.CreateValue(ownerId, row.Keys[0]);
        var contact = incoming with { ContactId = ContactIdFactory.Format(newId) };
        Stage(new Pending(contact, newId), row.Keys);
        return new ImportRowResult(row.Line, ImportRowOutcome.New, contact.ContactId, [], null);
    }

    private ImportRowResult MergeInto(StagedRow row, Pending target)
    {
        var merged = ContactMerger.Merge(target.Contact, row.Contact!, out var changed);
        if (changed)
        {
            Stage(target with { Contact = merged }, row.Keys);
        }

        // A row folded into a contact this file created is a merge even when it adds nothing; a row that adds
        // nothing to a stored contact leaves it unchanged (so a re-import reports every row unchanged).
        var outcome = target.CreatedId is not null || changed ? ImportRowOutcome.Merged : ImportRowOutcome.Unchanged;
        return new ImportRowResult(row.Line, outcome, merged.ContactId, [], null);
    }

    private void Stage(Pending pending, ContactKey[] keys)
    {
        var id = pending.Contact.ContactId;
        if (!_pending.ContainsKey(id))
        {
            _batch.Add(pending.Contact); // placeholder keeps first-touched order; replaced on flush
        }

        _pending[id] = pending;
        foreach (var key in keys)
        {
            _pendingKeys.TryAdd(key, id);
            if (pending.CreatedId is { } created)
            {
                _index.TryAdd(key, created);
            }
        }
    }

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_batch.Count == 0)
        {
            return;
        }

        for (var i = 0; i < _batch.Count; i++)
        {
            _batch[i] = _pending[_batch[i].ContactId].Contact;
        }

        await sink.WriteAsync(ownerId, _batch.ToArray(), cancellationToken);
        _batch.Clear();
        _pending.Clear();
        _pendingKeys.Clear();
    }

    /// <summary>A contact created or changed in the current batch; <paramref name="CreatedId"/> is set when this import created it.</summary>
    private sealed record Pending(Contact Contact, UInt128? CreatedId);
}
