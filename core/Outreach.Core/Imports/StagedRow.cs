using Outreach.Core.Contacts;

namespace Outreach.Core.Imports;

/// <summary>A data row after validation and normalisation, waiting for de-duplication with its batch.</summary>
internal sealed class StagedRow
{
    private readonly Contact? _contact;

    public StagedRow(int line, List<RowError> errors, string rawText)
    {
        Line = line;
        Errors = errors;
        RawText = rawText;
        Keys = [];
    }

    /// <param name="line">The physical line.</param>
    /// <param name="contact">The row's contact, under the id it gets if it turns out to be new.</param>
    /// <param name="keys">Its identity keys, strongest first (the first one made the id).</param>
    /// <param name="newId">The 128 bits of that id.</param>
    public StagedRow(int line, Contact contact, RowKey[] keys, UInt128 newId)
    {
        Line = line;
        _contact = contact;
        Keys = keys;
        NewId = newId;
    }

    public int Line { get; }

    /// <summary>The row's identity keys, strongest first (never empty for an accepted row).</summary>
    public RowKey[] Keys { get; }

    /// <summary>The id's bits should the row create a contact.</summary>
    public UInt128 NewId { get; }

    public List<RowError>? Errors { get; }

    public string? RawText { get; }

    public bool IsRejected => _contact is null;

    /// <summary>The contact the row describes, under the id it gets if it is new.</summary>
    public Contact Contact => _contact ?? throw new InvalidOperationException("A rejected row has no contact.");

    /// <summary>The row's contact under another id (when it merges into a contact written in an earlier batch).</summary>
    public Contact WithId(string contactId) => Contact with { ContactId = contactId };
}

/// <summary>One identity key of a staged row, its hash (computed once) and what the import's index said about it.</summary>
internal struct RowKey(ContactKey key)
{
    public ContactKey Key { get; } = key;

    /// <summary><see cref="StableHash.Of"/> of <see cref="Key"/>.</summary>
    public ulong Hash { get; } = StableHash.Of(key);

    /// <summary>The ordinal of the contact this import created with this key (<see cref="DedupeIndex.Find"/>), or -1.</summary>
    public int IndexHit { get; set; } = -1;
}
