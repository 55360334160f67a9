namespace Outreach.Core.Contacts;

/// <summary>
/// Folds what an import learned about a person into what was already known. Empty never overwrites
/// non-empty, a known value is never replaced by a different one (the first source wins; the student edits by
/// hand), every event met is kept once, notes are appended once, tags are unioned. The merge is idempotent
/// (<c>Merge(Merge(a, b), b)</c> equals <c>Merge(a, b)</c>), so storage may apply a batch twice after a retry.
/// A part that would take the contact past its <see cref="ContactLimits"/> is not merged at all (the contact keeps
/// that part as it was, whole, never cut), and the merge says which parts it left out.
/// </summary>
public static class ContactMerger
{
    /// <summary>The separator between notes from different rows or imports.</summary>
    public const string NoteSeparator = "\n---\n";

    /// <summary>
    /// Merges <paramref name="incoming"/> into <paramref name="existing"/>, whose id, owner and source are kept
    /// (the source says where a contact was first imported from; a contact typed in by hand has none, and a
    /// later import does not make it "imported").
    /// </summary>
    /// <param name="existing">What is stored (or earlier in the file).</param>
    /// <param name="incoming">What the new row says.</param>
    /// <param name="changed">Whether the result differs from <paramref name="existing"/>.</param>
    /// <param name="leftOut">
    /// The parts of <paramref name="incoming"/> (<see cref="ContactFieldSet.Notes"/>, <see cref="ContactFieldSet.Offer"/>,
    /// <see cref="ContactFieldSet.Events"/>, <see cref="ContactFieldSet.Tags"/>) not merged because they would take the
    /// contact past its <see cref="ContactLimits"/>.
    /// </param>
    /// <returns>The merged contact; <paramref name="existing"/> itself when nothing changed.</returns>
    public static Contact Merge(Contact existing, Contact incoming, out bool changed, out ContactFieldSet leftOut)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(incoming);

        leftOut = ContactFieldSet.None;
        var events = Within(MergeEvents(existing.Events, incoming.Events), existing.Events, e => e.Count <= ContactLimits.Events, ContactFieldSet.Events, ref leftOut);
        var tags = Within(MergeTags(existing.Tags, incoming.Tags), existing.Tags, t => ContactLimits.TagLength(t) <= ContactLimits.TagCharacters, ContactFieldSet.Tags, ref leftOut);
        var notes = Within(MergeNotes(existing.Notes, incoming.Notes), existing.Notes, n => n!.Length <= ContactLimits.Notes, ContactFieldSet.Notes, ref leftOut);
        var offer = Within(MergeNotes(existing.Offer, incoming.Offer), existing.Offer, o => o!.Length <= ContactLimits.Offer, ContactFieldSet.Offer, ref leftOut);

        changed = (existing.FirstName is null && incoming.FirstName is not null)
            || (existing.LastName is null && incoming.LastName is not null)
            || (existing.Email is null && incoming.Email is not null)
            || (existing.LinkedInUrl is null && incoming.LinkedInUrl is not null)
            || (existing.Company is null && incoming.Company is not null)
            || (existing.Position is null && incoming.Position is not null)
            || (existing.ConnectedOn is null && incoming.ConnectedOn is not null)
            || !ReferenceEquals(events, existing.Events)
            || !ReferenceEquals(tags, existing.Tags)
            || !ReferenceEquals(notes, existing.Notes)
            || !ReferenceEquals(offer, existing.Offer);
        if (!changed)
        {
            return existing;
        }

        return existing with
        {
            FirstName = existing.FirstName ?? incoming.FirstName,
            LastName = existing.LastName ?? incoming.LastName,
            Email = existing.Email ?? incoming.Email,
            LinkedInUrl = existing.LinkedInUrl ?? incoming.LinkedInUrl,
            Company = existing.Company ?? incoming.Company,
            Position = existing.Position ?? incoming.Position,
            ConnectedOn = existing.ConnectedOn ?? incoming.ConnectedOn,
            Events = events,
            Tags = tags,
            Notes = notes,
            Offer = offer,
        };
    }

    /// <summary>Merges without reporting what was left out.</summary>
    public static Contact Merge(Contact existing, Contact incoming, out bool changed) => Merge(existing, incoming, out changed, out _);

    /// <summary>Merges without reporting whether anything changed or was left out.</summary>
    public static Contact Merge(Contact existing, Contact incoming) => Merge(existing, incoming, out _, out _);

    /// <summary><paramref name="merged"/> when it is <paramref name="existing"/> or within its limit; else <paramref name="existing"/>, noting <paramref name="part"/> as left out.</summary>
    private static T Within<T>(T merged, T existing, Func<T, bool> fits, ContactFieldSet part, ref ContactFieldSet leftOut)
        where T : class?
    {
        if (ReferenceEquals(merged, existing) || fits(merged))
        {
            return merged;
        }

        leftOut |= part;
        return existing;
    }

    private static IReadOnlyList<EventMet> MergeEvents(IReadOnlyList<EventMet> existing, IReadOnlyList<EventMet> incoming) =>
        Union(existing, incoming, EqualityComparer<EventMet>.Default);

    private static IReadOnlyList<string> MergeTags(IReadOnlyList<string> existing, IReadOnlyList<string> incoming) =>
        Union(existing, incoming, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// <paramref name="existing"/> followed by the items of <paramref name="incoming"/> it lacks, in order; the
    /// same instance when nothing is added (which is how <see cref="Merge(Contact, Contact, out bool)"/> knows
    /// nothing changed). Lists are a handful of items, so a linear search beats building a set.
    /// </summary>
    private static IReadOnlyList<T> Union<T>(IReadOnlyList<T> existing, IReadOnlyList<T> incoming, IEqualityComparer<T> comparer)
    {
        List<T>? merged = null;
        foreach (var item in incoming)
        {
            if (IndexOf(merged ?? existing, item, comparer) >= 0)
            {
                continue;
            }

            merged ??= [.. existing];
            merged.Add(item);
        }

        return merged is null ? existing : merged;
    }

    private static int IndexOf<T>(IReadOnlyList<T> items, T item, IEqualityComparer<T> comparer)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (comparer.Equals(items[i], item))
            {
                return i;
            }
        }

        return -1;
    }

    private static string? MergeNotes(string? existing, string? incoming)
    {
        if (string.IsNullOrEmpty(incoming) || string.Equals(existing, incoming, StringComparison.Ordinal))
        {
            return existing;
        }

        if (string.IsNullOrEmpty(existing))
        {
            return incoming;
        }

        // Each of incoming's notes not among existing's is appended, in order. Incoming is one row's note, or several
        // appended together: what a batch's rows add to a contact written with an earlier batch, or a merged state
        // coming back from a retried batch. Compared note by note, a note already kept is never kept twice.
        var merged = existing;
        foreach (var range in incoming.AsSpan().Split(NoteSeparator))
        {
            var note = incoming.AsSpan(range);
            if (!note.IsEmpty && !HasNote(merged, note))
            {
                merged = string.Concat(merged, NoteSeparator, note);
            }
        }

        return merged;
    }

    /// <summary>Whether <paramref name="note"/> is one of the separator-delimited notes of <paramref name="text"/>.</summary>
    private static bool HasNote(string text, ReadOnlySpan<char> note)
    {
        foreach (var range in text.AsSpan().Split(NoteSeparator))
        {
            if (text.AsSpan(range).SequenceEqual(note))
            {
                return true;
            }
        }

        return false;
    }
}
