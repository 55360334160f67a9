namespace Outreach.Core.Messaging.Templates;

/// <summary>
/// A person named in a template: the recipient, an introducer, or person A or B of an introduction. Templates print a name
/// typed all in capitals ("JANE SMITH") with ordinary capitals ("Jane Smith").
/// </summary>
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

    /// <summary>
    /// This person's own one-click unsubscribe link, on a message to both people of an introduction (each must be able to
    /// stop notes to themselves, and a message has one List-Unsubscribe header, which cannot say who clicked it).
    /// </summary>
    public Uri? UnsubscribeUrl { get; init; }

    /// <summary>
    /// Where and when the introducer met this person (the contact's latest meeting), so an introduction can say how the
    /// introducer knows each of them (<c>{{personB.event.name}}</c>, <c>{{personB.event.metOn}}</c>); null when unknown.
    /// </summary>
    public MeetingDetails? Event { get; init; }

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
            Event = contact.LastMet is { } met ? new MeetingDetails(met.Name, met.MetOn) : null,
        };
    }

    internal Dictionary<string, object?> ToData()
    {
        var (first, last) = TemplateText.PersonName(FirstName, LastName);
        return Data(first, last);
    }

    private Dictionary<string, object?> Data(string? first, string? last) => new(StringComparer.Ordinal)
    {
        ["firstName"] = first,
        ["lastName"] = last,
        ["fullName"] = TemplateText.JoinName(first, last),
        ["company"] = TemplateText.Clean(Company),
        ["position"] = TemplateText.Clean(Position),
        ["linkedInUrl"] = TemplateText.Clean(LinkedInUrl),
    };

    /// <summary>The fields of person A or B: a person's, their unsubscribe link, and where the introducer met them.</summary>
    internal Dictionary<string, object?> ToIntroducedData()
    {
        var data = ToData();
        data["unsubscribeUrl"] = UnsubscribeUrl?.AbsoluteUri;
        data["event"] = (Event ?? new MeetingDetails(null, null)).ToData();
        return data;
    }
}
