namespace Outreach.Core.Contacts;

/// <summary>
/// How much one contact keeps of what grows as imports merge into it: notes and offers are appended, events met and
/// tags are unioned, so a person imported often enough would outgrow the storage row (1 MiB on Azure Table storage).
/// Past a limit <see cref="ContactMerger"/> keeps the contact as it is for that part and says so, and the import reports
/// the row's part as not added. Stored, the limits come to at most about 850 KB (even with every event name and tag in
/// emoji, which JSON escapes), leaving room for the rest of the row.
/// </summary>
public static class ContactLimits
{
    /// <summary>Characters of notes, separators included (about 37 notes of the 4,000 characters a row may hold).</summary>
    public const int Notes = 150_000;

    /// <summary>Characters of what the owner can offer, separators included.</summary>
    public const int Offer = 50_000;

    /// <summary>Events met (each a name of at most 256 characters and a date).</summary>
    public const int Events = 100;

    /// <summary>Characters of all tags together, counting three more a tag (the quotes and comma that store it).</summary>
    public const int TagCharacters = 10_000;

    /// <summary>The characters the tags take, as <see cref="TagCharacters"/> counts them (a tag's length plus three).</summary>
    public static int TagLength(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var length = 0;
        foreach (var tag in tags)
        {
            length += tag.Length + 3;
        }

        return length;
    }
}
