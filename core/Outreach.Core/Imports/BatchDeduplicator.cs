using Outreach.Core.Contacts;

namespace Outreach.Core.Imports;

/// <summary>
/// De-duplicates a batch of staged rows against the contacts already changed in this batch, the contacts this
/// import created (<see cref="DedupeIndex"/>), and the stored contacts (one <see cref="IContactDirectory"/>
/// lookup per batch), in that order for each key, email first, then LinkedIn URL, then name + company. Then it
/// hands the batch's created and changed contacts to the sink in one write.
/// </summary>
internal sealed class BatchDeduplicator(string ownerId, IContactDirectory directory, IContactSink sink)
{
    private static readonly IReadOnlyDictionary<ContactKey, Contact> NothingFound = new Dictionary<ContactKey, Contact>();

    private readonly DedupeIndex _index = new();
    private readonly List<ContactKey> _lookup = [];
    private readonly List<Pending> _pending = [];
    private readonly Dictionary<string, int> _pendingById = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, int> _pendingByKey = [];
    private readonly List<ulong> _pendingKeys = [];

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

    private ValueTask<IReadOnlyDictionary<ContactKey, Contact>> LookUpAsync(List<StagedRow> rows, CancellationToken cancellationToken)
    {
        _lookup.Clear();
        foreach (var row in rows)
        {
            var keys = row.Keys;
            for (var i = 0; i < keys.Length; i++)
            {
                // A key of a contact this import created is answered by the index; storage has nothing newer.
                keys[i].IndexHit = _index.Find(keys[i].Hash);
                if (keys[i].IndexHit < 0)
                {
                    _lookup.Add(keys[i].Key);
                }
            }
        }

        return _lookup.Count == 0 ? ValueTask.FromResult(NothingFound) : directory.FindAsync(ownerId, _lookup, cancellationToken);
    }

    private ImportRowResult Resolve(StagedRow row, IReadOnlyDictionary<ContactKey, Contact> found)
    {
        foreach (var key in row.Keys)
        {
            // Earlier rows of this batch first: their keys are neither in the lookup nor (all) in the index yet.
            if (_pendingByKey.TryGetValue(key.Hash, out var pendingIndex))
            {
                return MergeInto(row, pendingIndex);
            }

            if (key.IndexHit is var ordinal and >= 0)
            {
                var id = ContactIdFactory.Format(_index.IdOf(ordinal));
                if (_pendingById.TryGetValue(id, out var created))
                {
                    return MergeInto(row, created);
                }

                // Created by this import and already written: send only what this row adds; the sink merges it.
                Stage(new Pending(row.WithId(id), ordinal), row);
                return new ImportRowResult(row.Line, ImportRowOutcome.Merged, id, [], null);
            }

            if (found.Count > 0 && found.TryGetValue(key.Key, out var stored))
            {
                if (_pendingById.TryGetValue(stored.ContactId, out var changed))
                {
                    return MergeInto(row, changed);
                }

                var merged = ContactMerger.Merge(stored, row.Contact, out var storedChanged);
                if (storedChanged)
                {
                    Stage(new Pending(merged, Ordinal: -1), row);
                }

                return new ImportRowResult(row.Line, storedChanged ? ImportRowOutcome.Merged : ImportRowOutcome.Unchanged, stored.ContactId, [], null);
            }
        }

        Stage(new Pending(row.Contact, _index.AddContact(row.NewId)), row);
        return new ImportRowResult(row.Line, ImportRowOutcome.New, row.Contact.ContactId, [], null);
    }

    /// <summary>Folds the row into a contact already created or changed in this batch.</summary>
    private ImportRowResult MergeInto(StagedRow row, int pendingIndex)
    {
        var target = _pending[pendingIndex];
        var merged = ContactMerger.Merge(target.Contact, row.Contact, out var changed);
        if (changed)
        {
            _pending[pendingIndex] = target with { Contact = merged };
        }

        RegisterKeys(row, pendingIndex, target.Ordinal);

        // A row folded into a contact this file created is a merge even when it adds nothing; a row that adds
        // nothing to a stored contact leaves it unchanged (so a re-import reports every row unchanged).
        var outcome = target.Ordinal >= 0 || changed ? ImportRowOutcome.Merged : ImportRowOutcome.Unchanged;
        return new ImportRowResult(row.Line, outcome, merged.ContactId, [], null);
    }

    private void Stage(Pending pending, StagedRow row)
    {
        var index = _pending.Count;
        _pending.Add(pending);
        _pendingById.Add(pending.Contact.ContactId, index);
        RegisterKeys(row, index, pending.Ordinal);
    }

    private void RegisterKeys(StagedRow row, int pendingIndex, int ordinal)
    {
        foreach (var key in row.Keys)
        {
            if (_pendingByKey.TryAdd(key.Hash, pendingIndex))
            {
                _pendingKeys.Add(key.Hash);
            }
            if (ordinal >= 0 && key.IndexHit < 0)
            {
                _index.TryAdd(key.Hash, ordinal);
            }
        }
    }

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var batch = new Contact[_pending.Count];
        for (var i = 0; i < batch.Length; i++)
        {
            batch[i] = _pending[i].Contact;
        }

        await sink.WriteAsync(ownerId, batch, cancellationToken);

        // Entry by entry: Clear() zeroes the whole bucket array every batch, which profiling showed costing more
        // than the look-ups themselves.
        foreach (var pending in _pending)
        {
            _pendingById.Remove(pending.Contact.ContactId);
        }

        foreach (var hash in _pendingKeys)
        {
            _pendingByKey.Remove(hash);
        }

        _pending.Clear();
        _pendingKeys.Clear();
    }

    /// <summary>A contact created or changed in the current batch; <paramref name="Ordinal"/> is its place in the index when this import created it, else -1.</summary>
    private sealed record Pending(Contact Contact, int Ordinal);
}
