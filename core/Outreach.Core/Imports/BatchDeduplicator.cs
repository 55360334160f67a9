using Outreach.Core.Contacts;

namespace Outreach.Core.Imports;

/// <summary>
/// De-duplicates a batch of staged rows, in file order, against the contacts this import created
/// (<see cref="DedupeIndex"/>, earlier rows of the batch included) and the stored contacts (one
/// <see cref="IContactDirectory"/> lookup per batch), key by key, email first, then LinkedIn URL, then name +
/// company. Then it hands the batch's created and changed contacts to the sink in one write. Into an owner with no
/// stored contact (asked once, <see cref="IContactDirectory.HasContactsAsync"/>) it never looks anything up and
/// never builds a key string: rows are matched on their key hashes in memory alone. Into an owner with at most
/// <paramref name="readAtOnceLimit"/> contacts it reads them all first (<see cref="IContactDirectory.TryReadAllAsync"/>)
/// and looks keys up in that copy, which it keeps up to date with the stored contacts each batch changes. A merged
/// row's parts its contact has no room for (<see cref="ContactLimits"/>; for a contact this import wrote with an earlier
/// batch, <paramref name="createdText"/> knows how much room it has) are left out and listed with its outcome
/// (<paramref name="leftOutParts"/>). A stored contact whose source is this very import (<paramref name="importId"/>) was
/// written by an earlier attempt of it, cut short (a queued import retried after a crash or a timeout): the rows are
/// reported as that attempt would have reported them, the first row of such a contact as new and the rest as merged,
/// not as already known. Each row claims for its contact the keys of it that no contact holds yet, a second address
/// included (one the contact does not hold itself, or one of the row's further addresses: <see cref="StagedRow.FurtherEmails"/>), and the sink stores exactly those claims: so a key finds the same contact in every batch, in storage, and
/// when the file is imported again.
/// </summary>
internal sealed class BatchDeduplicator(
    string ownerId,
    string importId,
    IContactDirectory directory,
    IContactSink sink,
    DedupeIndex index,
    CreatedContactText createdText,
    LeftOutParts leftOutParts,
    int readAtOnceLimit = 0)
{
    private static readonly IReadOnlyDictionary<ContactKey, Contact> NothingFound = new Dictionary<ContactKey, Contact>();

    /// <summary>The contacts to write, by place in the batch.</summary>
    private readonly List<Contact> _batch = [];

    /// <summary>For each place in the batch, the ordinal in <see cref="DedupeIndex"/> of a contact this import created, or -1 for a stored one.</summary>
    private readonly List<int> _batchOrdinals = [];

    /// <summary>For each place in the batch, whether the contact is stored already (read from the directory, or written with an earlier batch).</summary>
    private readonly List<bool> _batchStored = [];

    // Stored contacts changed in this batch (only when the owner has stored contacts): by id and by the keys claimed for them in it.
    private readonly Dictionary<string, int> _storedById = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, int> _storedByKey = [];

    /// <summary>Contacts an earlier attempt of this import wrote that a row of this one has met (reported new once, merged after).</summary>
    private readonly HashSet<string> _writtenEarlier = new(StringComparer.Ordinal);

    /// <summary>The keys this batch's rows claimed for their contacts (<see cref="ClaimKeys"/>), in row order: the sink claims exactly these.</summary>
    private readonly List<ContactKeyClaim> _claims = [];
    private readonly List<ContactKey> _lookup = [];

    /// <summary>What the directory holds of the batch's keys (asked once per batch).</summary>
    private IReadOnlyDictionary<ContactKey, Contact> _found = NothingFound;
    private bool? _directoryHasContacts;

    /// <summary>The copy of the owner's stored contacts, when they were read at once; null when keys are looked up in the directory.</summary>
    private InMemoryContactDirectory? _copy;

    /// <summary>What <see cref="TouchKeys"/> read, kept so the reads are not optimised away.</summary>
    private ulong _touched;

    /// <summary>Resolves the first <paramref name="count"/> rows and writes the batch; appends one result per row, in order.</summary>
    public async ValueTask ProcessAsync(StagedRow[] rows, int count, List<ImportRowResult> results, CancellationToken cancellationToken)
    {
        if (_directoryHasContacts is null)
        {
            _directoryHasContacts = await directory.HasContactsAsync(ownerId, cancellationToken).ConfigureAwait(false);
            if (_directoryHasContacts.Value && readAtOnceLimit > 0
                && await directory.TryReadAllAsync(ownerId, readAtOnceLimit, cancellationToken).ConfigureAwait(false) is { } snapshot)
            {
                _copy = new InMemoryContactDirectory();
                _copy.Load(ownerId, snapshot);
            }
        }

        _found = _directoryHasContacts.Value ? await LookUpAsync(rows, count, cancellationToken).ConfigureAwait(false) : NothingFound;
        TouchKeys(rows, count);
        for (var i = 0; i < count; i++)
        {
            var row = rows[i];
            results.Add(row.IsRejected
                ? new ImportRowResult(row.Line, ImportRowOutcome.Rejected, null, row.Errors!, row.RawText)
                : Resolve(row));
        }

        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Brings the index slots of the batch's keys into the cache together (<see cref="DedupeIndex.Touch"/>).</summary>
    private void TouchKeys(StagedRow[] rows, int count)
    {
        ulong touched = 0;
        for (var r = 0; r < count; r++)
        {
            var row = rows[r];
            for (var i = 0; i < row.KeyCount; i++)
            {
                touched ^= index.Touch(row.KeyHash(i));
            }
        }

        _touched = touched;
    }

    /// <summary>Asks the directory for the keys the index cannot answer (a key of a contact this import created has nothing newer in storage).</summary>
    private ValueTask<IReadOnlyDictionary<ContactKey, Contact>> LookUpAsync(StagedRow[] rows, int count, CancellationToken cancellationToken)
    {
        _lookup.Clear();
        for (var r = 0; r < count; r++)
        {
            var row = rows[r];
            if (row.Contact is null)
            {
                continue;
            }

            var keys = row.StoredKeys = row.KeysAsText();
            for (var i = 0; i < keys.Length; i++)
            {
                if (index.Find(row.KeyHash(i)) < 0)
                {
                    _lookup.Add(keys[i]);
                }
            }
        }

        return _lookup.Count == 0 ? ValueTask.FromResult(NothingFound) : ((IContactDirectory?)_copy ?? directory).FindAsync(ownerId, _lookup, cancellationToken);
    }

    private ImportRowResult Resolve(StagedRow row)
    {
        var nameHash = row.NameHash;
        var passedOver = false;
        for (var i = 0; i < row.KeyCount; i++)
        {
            // A further address (E-mail 2, the rest of "a; b") finds a contact only of the row's own name: an address two
            // people's rows share (team@, a family's) must not make them one.
            var further = i >= row.OwnKeyCount;
            var hash = row.KeyHash(i);
            if (_storedByKey.Count > 0 && _storedByKey.TryGetValue(hash, out var storedSlot))
            {
                if (!further || SameName(nameHash, _batch[storedSlot]))
                {
                    return MergeIntoStored(row, storedSlot);
                }

                passedOver = true;
                continue;
            }

            if (index.Find(hash) is var ordinal and >= 0)
            {
                if (!further || index.NameHashOf(ordinal) == nameHash)
                {
                    return MergeIntoCreated(row, ordinal);
                }

                passedOver = true;
                continue;
            }

            if (_found.Count > 0 && row.StoredKeys is { } keys && _found.TryGetValue(keys[i], out var stored))
            {
                if (!further || SameName(nameHash, stored))
                {
                    return MergeIntoStored(row, stored);
                }

                passedOver = true;
            }
        }

        var created = index.AddContact(row.NewId, row.Fields, nameHash);
        createdText.Record(created, row.Contact!);
        Stage(row.Contact!, created, stored: false);
        if (passedOver)
        {
            ClaimKeys(row, row.Contact!.ContactId, created, storedSlot: -1); // an address another person holds stays theirs
        }
        else
        {
            ClaimAllKeys(row, row.Contact!.ContactId, created);
        }

        return new ImportRowResult(row.Line, ImportRowOutcome.New, row.Contact!.ContactId, row.ProblemsWith([]), null);
    }

    /// <summary>Whether <paramref name="contact"/> has the name whose hash is <paramref name="nameHash"/> (<see cref="ContactKeys.PersonNameHash"/>).</summary>
    private static bool SameName(ulong nameHash, Contact contact) => ContactKeys.PersonNameHash(contact.FirstName, contact.LastName) == nameHash;

    /// <summary>
    /// Folds the row into a contact this import created: into its pending version when it is in this batch, else (it
    /// was written with an earlier batch) by sending only what this row says under its id, for the sink to merge, less
    /// the parts the contact might have no room for. A row folded into a contact this file created is a merge even when
    /// it adds nothing.
    /// </summary>
    private ImportRowResult MergeIntoCreated(StagedRow row, int ordinal)
    {
        var id = ContactIdFactory.Format(index.IdOf(ordinal));
        var slot = index.PendingSlotOf(ordinal);
        ContactFieldSet leftOut;
        if (slot >= 0 && !_batchStored[slot])
        {
            // The whole contact is in this batch: merged here, exactly.
            var merged = _batch[slot] = ContactMerger.Merge(_batch[slot], row.Contact!, out _, out leftOut);
            createdText.Record(ordinal, merged);
        }
        else
        {
            // Written before: what this batch sends is only what its rows add.
            var admitted = createdText.Admit(ordinal, row.Contact!, out leftOut) with { ContactId = id };
            if (slot >= 0)
            {
                _batch[slot] = ContactMerger.Merge(_batch[slot], admitted);
            }
            else
            {
                Stage(admitted, ordinal, stored: true);
            }
        }

        ref var fields = ref index.FieldsOf(ordinal);
        var kept = row.Fields & ~leftOut;
        var filled = kept & ~fields;
        fields |= kept;
        ClaimKeys(row, id, ordinal, storedSlot: -1);
        return new ImportRowResult(row.Line, ImportRowOutcome.Merged, id, row.ProblemsWith(leftOutParts.Describe(leftOut)), null, filled);
    }

    /// <summary>Folds the row into a stored contact found by the lookup; a row that adds nothing leaves it unchanged (a re-import reports every row so).</summary>
    private ImportRowResult MergeIntoStored(StagedRow row, Contact stored)
    {
        if (_storedById.TryGetValue(stored.ContactId, out var slot))
        {
            return MergeIntoStored(row, slot);
        }

        var merged = ContactMerger.Merge(stored, row.Contact!, out var changed, out var leftOut);
        if (!changed && !HasUnheldKey(row))
        {
            return Stored(row, stored, changed: false, leftOut);
        }

        slot = Stage(merged, -1, stored: true);
        _storedById.Add(merged.ContactId, slot);
        ClaimKeys(row, merged.ContactId, ordinal: -1, slot);
        return Stored(row, stored, changed: true, leftOut);
    }

    /// <summary>Folds the row into a stored contact already changed in this batch.</summary>
    private ImportRowResult MergeIntoStored(StagedRow row, int slot)
    {
        var target = _batch[slot];
        var merged = ContactMerger.Merge(target, row.Contact!, out var changed, out var leftOut);
        _batch[slot] = merged;
        var claimed = ClaimKeys(row, target.ContactId, ordinal: -1, slot);
        return Stored(row, target, changed || claimed, leftOut);
    }

    /// <summary>
    /// A row folded into a stored contact: merged, or already known when it changed nothing; for a contact an earlier
    /// attempt of this import wrote, new for its first row and merged after (a part left out is listed either way).
    /// </summary>
    private ImportRowResult Stored(StagedRow row, Contact before, bool changed, ContactFieldSet leftOut)
    {
        var problems = row.ProblemsWith(leftOutParts.Describe(leftOut));
        if (importId.Length > 0 && before.Source?.ImportId == importId && _writtenEarlier.Add(before.ContactId))
        {
            return new ImportRowResult(row.Line, ImportRowOutcome.New, before.ContactId, problems, null);
        }

        var filled = row.Fields & ~leftOut & ~ContactFieldSets.Of(before);
        return changed || _writtenEarlier.Contains(before.ContactId)
            ? new ImportRowResult(row.Line, ImportRowOutcome.Merged, before.ContactId, problems, null, filled)
            : new ImportRowResult(row.Line, ImportRowOutcome.Unchanged, before.ContactId, problems, null);
    }

    private int Stage(Contact contact, int ordinal, bool stored)
    {
        var slot = _batch.Count;
        _batch.Add(contact);
        _batchOrdinals.Add(ordinal);
        _batchStored.Add(stored);
        if (ordinal >= 0)
        {
            index.SetPendingSlot(ordinal, slot);
        }

        return slot;
    }

    /// <summary>
    /// Claims for the row's contact the keys of the row that no contact holds yet, neither one this import created nor
    /// a stored one: a later row with only one of them then finds the contact, in this batch or a later one, and so
    /// does the same file imported again, since the sink claims exactly these keys, in this order. A key another
    /// contact holds stays with it, even when the row gives this contact the value it is made from (its LinkedIn URL
    /// when the contact had none, say): which contact a key finds never depends on where the batches fall.
    /// </summary>
    /// <param name="row">The row folded into the contact.</param>
    /// <param name="contactId">The contact's id.</param>
    /// <param name="ordinal">The contact's ordinal in the index when this import created it, else -1.</param>
    /// <param name="storedSlot">The stored contact's place in the batch, else -1.</param>
    /// <returns>Whether any key was claimed.</returns>
    private bool ClaimKeys(StagedRow row, string contactId, int ordinal, int storedSlot)
    {
        var claimed = false;
        for (var i = 0; i < row.KeyCount; i++)
        {
            if (IsHeld(row, i))
            {
                continue;
            }

            var hash = row.KeyHash(i);
            if (ordinal >= 0)
            {
                index.TryAdd(hash, ordinal);
            }
            else
            {
                _storedByKey.TryAdd(hash, storedSlot);
            }

            _claims.Add(ClaimOf(row, contactId, i));
            claimed = true;
        }

        return claimed;
    }

    /// <summary>Claims every key of a row that matched nothing (none is held: <see cref="Resolve"/> looked each up) for the contact it created.</summary>
    private void ClaimAllKeys(StagedRow row, string contactId, int ordinal)
    {
        for (var i = 0; i < row.KeyCount; i++)
        {
            index.TryAdd(row.KeyHash(i), ordinal);
            _claims.Add(ClaimOf(row, contactId, i));
        }
    }

    /// <summary>The claim of the row's key <paramref name="i"/> for the contact: its text when it was built for a lookup, else built when the sink asks.</summary>
    private static ContactKeyClaim ClaimOf(StagedRow row, string contactId, int i) => row.StoredKeys is { } keys
        ? new ContactKeyClaim(contactId, keys[i])
        : i >= row.OwnKeyCount
            ? new ContactKeyClaim(contactId, new ContactKey(ContactKeyKind.Email, row.FurtherEmails![i - row.OwnKeyCount]))
            : new ContactKeyClaim(contactId, row.Contact!, ContactKeys.KindOf(row.Contact!, i));

    private bool HasUnheldKey(StagedRow row)
    {
        for (var i = 0; i < row.KeyCount; i++)
        {
            if (!IsHeld(row, i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a contact holds the row's key <paramref name="i"/>: one this import created, a stored one changed in this batch, or a stored one.</summary>
    private bool IsHeld(StagedRow row, int i)
    {
        var hash = row.KeyHash(i);
        return index.Find(hash) >= 0
            || (_storedByKey.Count > 0 && _storedByKey.ContainsKey(hash))
            || (_found.Count > 0 && row.StoredKeys is { } keys && _found.ContainsKey(keys[i]));
    }

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_batch.Count == 0)
        {
            return;
        }

        await sink.WriteAsync(ownerId, _batch, _batchStored, _claims, cancellationToken).ConfigureAwait(false);
        if (_copy is not null && _storedById.Count > 0)
        {
            // The copy follows what the batch did to stored contacts (and the keys claimed for them), merged as the sink
            // merged them. Contacts this import created stay out of it (the index answers for them), so it never grows
            // past what was read.
            Contact[] stored = [.. _storedById.Values.Select(slot => _batch[slot])];
            await _copy.WriteAsync(
                ownerId, stored, [.. stored.Select(_ => true)], [.. _claims.Where(c => _storedById.ContainsKey(c.ContactId))], cancellationToken).ConfigureAwait(false);
        }

        foreach (var ordinal in _batchOrdinals)
        {
            if (ordinal >= 0)
            {
                index.SetPendingSlot(ordinal, -1);
            }
        }

        _batch.Clear();
        _claims.Clear();
        _batchOrdinals.Clear();
        _batchStored.Clear();
        if (_storedById.Count > 0)
        {
            _storedById.Clear();
            _storedByKey.Clear();
        }
    }
}
