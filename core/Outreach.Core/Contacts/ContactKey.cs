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

    /// <summary>Reads a key back from its <see cref="ToString"/> form; false for text that is not one.</summary>
    public static bool TryParse(string? text, out ContactKey key)
    {
        key = default;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon <= 0 || colon == text!.Length - 1)
        {
            return false;
        }

        ContactKeyKind? kind = text.AsSpan(0, colon) switch
        {
            "email" => ContactKeyKind.Email,
            "linkedin" => ContactKeyKind.LinkedIn,
            "name" => ContactKeyKind.NameAndCompany,
            _ => null,
        };
        if (kind is null)
        {
            return false;
        }

        key = new ContactKey(kind.Value, text[(colon + 1)..]);
        return true;
    }
}
