namespace Outreach.Core.Contacts;

/// <summary>
/// One identity of a contact, already normalised (see <see cref="ContactKeys"/>): two contacts with an equal key
/// are the same person. Storage keeps an index from these to contact ids.
/// </summary>
/// <param name="Kind">Which identity this is.</param>
/// <param name="Value">The normalised value (compare ordinally).</param>
public readonly record struct ContactKey(ContactKeyKind Kind, string Value)
{
    /// <summary>A compact text form (<c>email:ada@x.org</c>), usable as a storage row key after escaping.</summary>
    public override string ToString() => Kind switch
    {
        ContactKeyKind.Email => "email:" + Value,
        ContactKeyKind.LinkedIn => "linkedin:" + Value,
        _ => "name:" + Value,
    };
}
