using Outreach.Core.Contacts;

namespace Outreach.Core.Imports;

/// <summary>A data row after validation and normalisation, waiting for de-duplication with its batch.</summary>
internal sealed class StagedRow
{
    public StagedRow(int line, List<RowError> errors, string rawText)
    {
        Line = line;
        Errors = errors;
        RawText = rawText;
        Keys = [];
    }

    public StagedRow(int line, Contact contact, ContactKey[] keys)
    {
        Line = line;
        Contact = contact;
        Keys = keys;
    }

    public int Line { get; }

    /// <summary>The contact the row describes (its id not yet known); null when rejected.</summary>
    public Contact? Contact { get; }

    /// <summary>The row's identity keys, strongest first (never empty for an accepted row).</summary>
    public ContactKey[] Keys { get; }

    public List<RowError>? Errors { get; }

    public string? RawText { get; }

    public bool IsRejected => Contact is null;
}
