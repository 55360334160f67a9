namespace Outreach.Core.Contacts;

/// <summary>
/// A key an import claims for a contact: a key of a row that no contact held when the row was folded into (or
/// created) the contact. Besides the contact's own keys, that includes keys it does not hold itself: a row that matched
/// it by its LinkedIn URL and brought a second address, say. So every row folded into a contact finds it again, in a
/// later batch and when the file is imported again. The first contact to claim a key keeps it.
/// </summary>
/// <remarks>
/// An import matches rows on key hashes and needs a key's text only where storage does. So a claim the import makes
/// names the row's contact and the kind of key, and <see cref="Key"/> builds the text when a sink asks for it: an
/// import that writes nowhere (or one that only counts) never builds it.
/// </remarks>
public readonly struct ContactKeyClaim : IEquatable<ContactKeyClaim>
{
    /// <summary>The key given as text; for a claim built when asked, only its kind (the text is empty).</summary>
    private readonly ContactKey _key;

    /// <summary>The contact whose key of <c>_key.Kind</c> is claimed, when the text is built when asked; else null.</summary>
    private readonly Contact? _from;

    /// <summary>A claim of a key given as text.</summary>
    /// <param name="contactId">The contact the key is claimed for.</param>
    /// <param name="key">The key.</param>
    public ContactKeyClaim(string contactId, ContactKey key)
    {
        ContactId = contactId;
        _key = key;
    }

    /// <summary>A claim of the key of kind <paramref name="kind"/> of <paramref name="from"/> (which must have one), built when asked for.</summary>
    /// <param name="contactId">The contact the key is claimed for (not necessarily <paramref name="from"/>'s own id).</param>
    /// <param name="from">The contact (an imported row's) whose key it is.</param>
    /// <param name="kind">Which of its keys.</param>
    internal ContactKeyClaim(string contactId, Contact from, ContactKeyKind kind)
    {
        ContactId = contactId;
        _from = from;
        _key = new ContactKey(kind, string.Empty);
    }

    /// <summary>The contact the key is claimed for.</summary>
    public string ContactId { get; }

    /// <summary>The key claimed.</summary>
    public ContactKey Key => _from is null ? _key : ContactKeys.KeyOf(_from, _key.Kind);

    /// <summary>Whether two claims are of the same key for the same contact (however they were made).</summary>
    public static bool operator ==(ContactKeyClaim left, ContactKeyClaim right) => left.Equals(right);

    /// <summary>Whether two claims differ in key or contact.</summary>
    public static bool operator !=(ContactKeyClaim left, ContactKeyClaim right) => !left.Equals(right);

    /// <summary>Whether <paramref name="other"/> claims the same key for the same contact.</summary>
    public bool Equals(ContactKeyClaim other) => string.Equals(ContactId, other.ContactId, StringComparison.Ordinal) && Key == other.Key;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ContactKeyClaim other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ContactId, Key);

    /// <summary>The key and the contact, for diagnostics.</summary>
    public override string ToString() => $"{Key} for {ContactId}";
}
