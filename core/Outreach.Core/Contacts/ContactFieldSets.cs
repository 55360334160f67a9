namespace Outreach.Core.Contacts;

/// <summary>Which fields of a contact hold a value, and their names as the API writes them.</summary>
public static class ContactFieldSets
{
    private static readonly (ContactFieldSet Field, string Name)[] Names =
    [
        (ContactFieldSet.FirstName, "firstName"), (ContactFieldSet.LastName, "lastName"), (ContactFieldSet.Email, "email"),
        (ContactFieldSet.LinkedInUrl, "linkedInUrl"), (ContactFieldSet.Company, "company"), (ContactFieldSet.Position, "position"),
        (ContactFieldSet.ConnectedOn, "connectedOn"), (ContactFieldSet.Events, "events"), (ContactFieldSet.Notes, "notes"),
        (ContactFieldSet.Offer, "offer"), (ContactFieldSet.Tags, "tags"),
    ];

    /// <summary>The fields of <paramref name="contact"/> that are not empty.</summary>
    public static ContactFieldSet Of(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var set = ContactFieldSet.None;
        set |= contact.FirstName is null ? 0 : ContactFieldSet.FirstName;
        set |= contact.LastName is null ? 0 : ContactFieldSet.LastName;
        set |= contact.Email is null ? 0 : ContactFieldSet.Email;
        set |= contact.LinkedInUrl is null ? 0 : ContactFieldSet.LinkedInUrl;
        set |= contact.Company is null ? 0 : ContactFieldSet.Company;
        set |= contact.Position is null ? 0 : ContactFieldSet.Position;
        set |= contact.ConnectedOn is null ? 0 : ContactFieldSet.ConnectedOn;
        set |= contact.Events.Count == 0 ? 0 : ContactFieldSet.Events;
        set |= string.IsNullOrEmpty(contact.Notes) ? 0 : ContactFieldSet.Notes;
        set |= string.IsNullOrEmpty(contact.Offer) ? 0 : ContactFieldSet.Offer;
        set |= contact.Tags.Count == 0 ? 0 : ContactFieldSet.Tags;
        return set;
    }

    /// <summary>The camel-case names of the fields in <paramref name="set"/>, in declaration order (<c>["email", "events"]</c>).</summary>
    public static IReadOnlyList<string> NamesOf(ContactFieldSet set)
    {
        if (set == ContactFieldSet.None)
        {
            return [];
        }

        var names = new List<string>(4);
        foreach (var (field, name) in Names)
        {
            if ((set & field) != 0)
            {
                names.Add(name);
            }
        }

        return names;
    }
}
