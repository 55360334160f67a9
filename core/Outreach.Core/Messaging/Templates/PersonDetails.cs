namespace Outreach.Core.Messaging.Templates;

/// <summary>A person named in a template other than the recipient: an introducer, or person A or B of an introduction.</summary>
public sealed record PersonDetails
{
    /// <summary>Given name.</summary>
    public string? FirstName { get; init; }

    /// <summary>Family name.</summary>
    public string? LastName { get; init; }

    /// <summary>Employer or organisation.</summary>
    public string? Company { get; init; }

    /// <summary>Job title.</summary>
    public string? Position { get; init; }

    /// <summary>LinkedIn profile URL.</summary>
    public string? LinkedInUrl { get; init; }

    /// <summary>"First Last", or whichever part is known.</summary>
    public string? FullName => TemplateText.JoinName(FirstName, LastName);

    /// <summary>Details of a contact, for introductions.</summary>
    public static PersonDetails From(Contacts.Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return new PersonDetails
        {
            FirstName = contact.FirstName,
            LastName = contact.LastName,
            Company = contact.Company,
            Position = contact.Position,
            LinkedInUrl = contact.LinkedInUrl,
        };
    }

    internal Dictionary<string, object?> ToData() => new(StringComparer.Ordinal)
    {
        ["firstName"] = TemplateText.Clean(FirstName),
        ["lastName"] = TemplateText.Clean(LastName),
        ["fullName"] = FullName,
        ["company"] = TemplateText.Clean(Company),
        ["position"] = TemplateText.Clean(Position),
        ["linkedInUrl"] = TemplateText.Clean(LinkedInUrl),
    };
}
