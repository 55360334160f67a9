namespace Outreach.Core.Contacts;

/// <summary>
/// A set of a contact's fields, as flags: which fields hold a value (<see cref="ContactFieldSets.Of"/>), and so which
/// empty fields a merged row filled in (what an import report lists for each merged row).
/// </summary>
[Flags]
public enum ContactFieldSet : ushort
{
    /// <summary>No field.</summary>
    None = 0,

    /// <summary><see cref="Contact.FirstName"/>.</summary>
    FirstName = 1 << 0,

    /// <summary><see cref="Contact.LastName"/>.</summary>
    LastName = 1 << 1,

    /// <summary><see cref="Contact.Email"/>.</summary>
    Email = 1 << 2,

    /// <summary><see cref="Contact.LinkedInUrl"/>.</summary>
    LinkedInUrl = 1 << 3,

    /// <summary><see cref="Contact.Company"/>.</summary>
    Company = 1 << 4,

    /// <summary><see cref="Contact.Position"/>.</summary>
    Position = 1 << 5,

    /// <summary><see cref="Contact.ConnectedOn"/>.</summary>
    ConnectedOn = 1 << 6,

    /// <summary><see cref="Contact.Events"/> (at least one).</summary>
    Events = 1 << 7,

    /// <summary><see cref="Contact.Notes"/>.</summary>
    Notes = 1 << 8,

    /// <summary><see cref="Contact.Offer"/>.</summary>
    Offer = 1 << 9,

    /// <summary><see cref="Contact.Tags"/> (at least one).</summary>
    Tags = 1 << 10,
}
