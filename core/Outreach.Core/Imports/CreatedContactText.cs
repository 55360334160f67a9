using Outreach.Core.Contacts;

namespace Outreach.Core.Imports;

/// <summary>
/// How far the growing parts (notes, offer, events, tags) of the contacts this import created may have grown, for the
/// rows that merge into one after it was written with an earlier batch: such a row goes to the sink to be merged there,
/// so its parts are checked against <see cref="ContactLimits"/> here, and a part that might not fit is not sent (and is
/// reported). Events met are counted exactly; notes, offers and tags exactly after a contact was built in memory and
/// as upper bounds after that (a note that comes back counts again), so a part is held back only when it might pass a
/// limit. Only contacts with text or events of their own have an entry: a LinkedIn export adds none.
/// </summary>
/// <param name="defaultEvents">
/// The events met of a row that names none (the import's event, or none): the same list for every such row, so a contact
/// without an entry has exactly these.
/// </param>
internal sealed class CreatedContactText(IReadOnlyList<EventMet> defaultEvents)
{
    private readonly Dictionary<int, Entry> _entries = [];

    /// <summary>Notes what the contact with ordinal <paramref name="ordinal"/> holds now (just created, or merged in memory).</summary>
    public void Record(int ordinal, Contact contact)
    {
        if (string.IsNullOrEmpty(contact.Notes) && string.IsNullOrEmpty(contact.Offer) && contact.Tags.Count == 0
            && (contact.Events.Count == 0 || ReferenceEquals(contact.Events, defaultEvents)))
        {
            return; // no entry needed, and none was made: merging only adds, so a contact with one never comes back here
        }

        _entries[ordinal] = new Entry
        {
            Notes = contact.Notes?.Length ?? 0,
            Offer = contact.Offer?.Length ?? 0,
            Events = [.. contact.Events],
            Tags = ContactLimits.TagLength(contact.Tags),
        };
    }

    /// <summary>
    /// <paramref name="incoming"/> without the parts that might take the contact (written earlier) past a limit, which
    /// <paramref name="leftOut"/> names; the bounds grow by what is kept.
    /// </summary>
    public Contact Admit(int ordinal, Contact incoming, out ContactFieldSet leftOut)
    {
        leftOut = ContactFieldSet.None;
        if (incoming.Events.Count == 0 && string.IsNullOrEmpty(incoming.Notes) && string.IsNullOrEmpty(incoming.Offer) && incoming.Tags.Count == 0)
        {
            return incoming; // nothing that grows (a LinkedIn row): no entry needed
        }

        if (!_entries.TryGetValue(ordinal, out var entry))
        {
            // Not recorded: the contact holds no text, and the default events met (or none).
            entry = new Entry { Events = [.. defaultEvents] };
            _entries.Add(ordinal, entry);
        }

        entry.Notes = Append(entry.Notes, incoming.Notes, ContactLimits.Notes, ContactFieldSet.Notes, ref leftOut);
        entry.Offer = Append(entry.Offer, incoming.Offer, ContactLimits.Offer, ContactFieldSet.Offer, ref leftOut);
        entry.Tags = Add(entry.Tags, ContactLimits.TagLength(incoming.Tags), ContactLimits.TagCharacters, ContactFieldSet.Tags, ref leftOut);
        var newEvents = incoming.Events.Where(e => !entry.Events.Contains(e)).ToList();
        if (Add(entry.Events.Count, newEvents.Count, ContactLimits.Events, ContactFieldSet.Events, ref leftOut) != entry.Events.Count)
        {
            entry.Events.AddRange(newEvents);
        }

        return leftOut == ContactFieldSet.None ? incoming : incoming with
        {
            Notes = (leftOut & ContactFieldSet.Notes) != 0 ? null : incoming.Notes,
            Offer = (leftOut & ContactFieldSet.Offer) != 0 ? null : incoming.Offer,
            Events = (leftOut & ContactFieldSet.Events) != 0 ? [] : incoming.Events,
            Tags = (leftOut & ContactFieldSet.Tags) != 0 ? [] : incoming.Tags,
        };
    }

    /// <summary>The bound after appending a note (with its separator), or the bound as it was when it would pass the limit.</summary>
    private static int Append(int bound, string? text, int limit, ContactFieldSet part, ref ContactFieldSet leftOut)
    {
        if (string.IsNullOrEmpty(text))
        {
            return bound;
        }

        return Add(bound, bound == 0 ? text.Length : ContactMerger.NoteSeparator.Length + text.Length, limit, part, ref leftOut);
    }

    private static int Add(int bound, int added, int limit, ContactFieldSet part, ref ContactFieldSet leftOut)
    {
        if (added == 0)
        {
            return bound;
        }

        if ((long)bound + added > limit)
        {
            leftOut |= part;
            return bound;
        }

        return bound + added;
    }

    /// <summary>The bounds of one contact: characters of notes, offer and tags, and its events met.</summary>
    private sealed class Entry
    {
        public int Notes { get; set; }

        public int Offer { get; set; }

        public int Tags { get; set; }

        public List<EventMet> Events { get; init; } = [];
    }
}
