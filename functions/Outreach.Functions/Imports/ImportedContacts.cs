using Outreach.Core.Imports;

namespace Outreach.Functions.Imports;

/// <summary>The contacts an import's rows name, each once, and which of them a row created or merged into.</summary>
internal sealed class ImportedContacts
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _merged = new(StringComparer.Ordinal);

    /// <summary>Every contact named, in no particular order.</summary>
    public IReadOnlyCollection<string> Ids => _ids;

    /// <summary>Notes that a row with <paramref name="outcome"/> names <paramref name="contactId"/>.</summary>
    public void Add(string contactId, ImportRowOutcome outcome)
    {
        _ids.Add(contactId);
        if (outcome is ImportRowOutcome.New or ImportRowOutcome.Merged)
        {
            _changed.Add(contactId);
        }

        if (outcome == ImportRowOutcome.Merged)
        {
            _merged.Add(contactId);
        }
    }

    /// <summary>Whether a row of this import created the contact or merged into it (rather than finding it already known).</summary>
    public bool ChangedBy(string contactId) => _changed.Contains(contactId);

    /// <summary>Whether a row of this import added something to the contact (its notes, position, company...), which changes its drafts.</summary>
    public bool MergedInto(string contactId) => _merged.Contains(contactId);
}
