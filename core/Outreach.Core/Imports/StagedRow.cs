using System.Runtime.CompilerServices;
using Outreach.Core.Contacts;

namespace Outreach.Core.Imports;

/// <summary>
/// A data row after validation and normalisation, waiting for de-duplication with its batch. One instance per
/// place in the batch, reused for every batch (<see cref="Reset"/>), so reading a row allocates only what the row
/// keeps (its contact, or its errors and text).
/// </summary>
internal sealed class StagedRow
{
    private KeyHashes _keys;

    /// <summary>The physical line the row starts on.</summary>
    public int Line { get; private set; }

    /// <summary>The row's contact, under the id it gets if it turns out to be new; null when rejected.</summary>
    public Contact? Contact { get; private set; }

    /// <summary>The fields of <see cref="Contact"/> that hold a value.</summary>
    public ContactFieldSet Fields { get; private set; }

    /// <summary>The 128 bits of the id should the row create a contact.</summary>
    public UInt128 NewId { get; private set; }

    /// <summary>How many identity keys the row has (at least one when accepted).</summary>
    public int KeyCount { get; private set; }

    /// <summary>Why the row was rejected; null when accepted.</summary>
    public List<RowError>? Errors { get; private set; }

    /// <summary>A rejected row's text as in the file.</summary>
    public string? RawText { get; private set; }

    public bool IsRejected => Contact is null;

    /// <summary>The row's keys as strings, built only when the owner has stored contacts to look them up among.</summary>
    public ContactKey[]? StoredKeys { get; set; }

    /// <summary>The hash (<see cref="OwnerContactIds.KeyHash"/>) of key <paramref name="index"/>, strongest first.</summary>
    public ulong KeyHash(int index) => _keys[index];

    /// <summary>The buffer the normaliser writes the key hashes into.</summary>
    public Span<ulong> KeyBuffer => _keys;

    public void Accept(int line, Contact contact, int keyCount, UInt128 newId)
    {
        Line = line;
        Contact = contact;
        Fields = ContactFieldSets.Of(contact);
        KeyCount = keyCount;
        NewId = newId;
        Errors = null;
        RawText = null;
        StoredKeys = null;
    }

    public void Reject(int line, List<RowError> errors, string rawText)
    {
        Line = line;
        Contact = null;
        Fields = ContactFieldSet.None;
        KeyCount = 0;
        NewId = default;
        Errors = errors;
        RawText = rawText;
        StoredKeys = null;
    }

    /// <summary>Drops what the row held, so a reused slot keeps nothing of an earlier batch alive.</summary>
    public void Reset()
    {
        Contact = null;
        Errors = null;
        RawText = null;
        StoredKeys = null;
    }

    /// <summary>Up to three key hashes, held inline.</summary>
    [InlineArray(3)]
    internal struct KeyHashes
    {
        private ulong _first;
    }
}
