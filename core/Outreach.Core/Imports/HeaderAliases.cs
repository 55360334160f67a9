using System.Collections.Frozen;

namespace Outreach.Core.Imports;

/// <summary>
/// The alias table: which header names feed which field, matched after folding case, spaces and punctuation
/// (<c>"E-mail 1 - Value"</c> → <c>email1value</c>), plus the few names whose meaning depends on the format
/// (LinkedIn's <c>URL</c> is the profile, Outlook's <c>Title</c> is "Dr."/"Ms.", not a job title).
/// </summary>
internal static class HeaderAliases
{
    private static readonly FrozenDictionary<string, ContactField> Generic = new Dictionary<string, ContactField>
    {
        ["firstname"] = ContactField.FirstName, ["givenname"] = ContactField.FirstName, ["first"] = ContactField.FirstName,
        ["forename"] = ContactField.FirstName, ["prenom"] = ContactField.FirstName, ["vorname"] = ContactField.FirstName,
        ["lastname"] = ContactField.LastName, ["familyname"] = ContactField.LastName, ["surname"] = ContactField.LastName,
        ["last"] = ContactField.LastName, ["nom"] = ContactField.LastName, ["nachname"] = ContactField.LastName,
        ["name"] = ContactField.FullName, ["fullname"] = ContactField.FullName, ["contactname"] = ContactField.FullName,
        ["displayname"] = ContactField.FullName,
        ["email"] = ContactField.Email, ["emailaddress"] = ContactField.Email, ["email1value"] = ContactField.Email,
        ["mail"] = ContactField.Email, ["primaryemail"] = ContactField.Email, ["workemail"] = ContactField.Email,
        ["linkedin"] = ContactField.LinkedInUrl, ["linkedinurl"] = ContactField.LinkedInUrl, ["linkedinprofile"] = ContactField.LinkedInUrl,
        ["linkedinprofileurl"] = ContactField.LinkedInUrl, ["profileurl"] = ContactField.LinkedInUrl,
        ["company"] = ContactField.Company, ["companyname"] = ContactField.Company, ["organization"] = ContactField.Company,
        ["organisation"] = ContactField.Company, ["organizationname"] = ContactField.Company, ["organization1name"] = ContactField.Company,
        ["employer"] = ContactField.Company,
        ["position"] = ContactField.Position, ["jobtitle"] = ContactField.Position, ["title"] = ContactField.Position,
        ["role"] = ContactField.Position, ["organizationtitle"] = ContactField.Position, ["organization1title"] = ContactField.Position,
        ["connectedon"] = ContactField.ConnectedOn,
        ["event"] = ContactField.Event, ["eventname"] = ContactField.Event, ["wherewemet"] = ContactField.Event,
        ["meton"] = ContactField.MetOn, ["datemet"] = ContactField.MetOn, ["metdate"] = ContactField.MetOn,
        ["notes"] = ContactField.Notes, ["note"] = ContactField.Notes, ["whatwetalkedabout"] = ContactField.Notes,
        ["topic"] = ContactField.Notes, ["comments"] = ContactField.Notes,
        ["whaticanoffer"] = ContactField.Offer, ["offer"] = ContactField.Offer,
        ["tags"] = ContactField.Tags, ["tag"] = ContactField.Tags, ["categories"] = ContactField.Tags,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The further address columns of the exports that have several (Outlook's <c>E-mail 2 Address</c>, Google's
    /// <c>E-mail 2 - Value</c>) and of sheets with a second one: read when the email column of a row is empty, since a
    /// person whose address sits in the second slot has an address all the same.
    /// </summary>
    private static readonly FrozenSet<string> SpareEmails = new[]
    {
        "email2address", "email3address", "email2value", "email3value", "email4value",
        "email2", "email3", "secondaryemail", "otheremail", "alternateemail", "alternativeemail", "personalemail",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether a column with this folded header holds a further address of the row's person (<see cref="SpareEmails"/>).</summary>
    public static bool IsSpareEmail(string foldedHeader) => SpareEmails.Contains(foldedHeader);

    /// <summary>
    /// The website columns of the exports and sheets that have them (Google's <c>Website 1 - Value</c>, Outlook's
    /// <c>Web Page</c>, a sheet's <c>Website</c>): people keep their LinkedIn profile there, so a row whose LinkedIn
    /// column is empty (or a file without one) takes the first of these cells that is a LinkedIn profile URL. Any other
    /// website is passed over without a word, since a website column is not there to hold a profile.
    /// </summary>
    private static readonly FrozenSet<string> Websites = new[]
    {
        "website", "websites", "webpage", "websiteurl", "homepage", "personalwebsite", "personalwebpage", "businesswebpage",
        "website1value", "website2value", "website3value", "website4value",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether a column with this folded header holds websites of the row's person (<see cref="Websites"/>).</summary>
    public static bool IsWebsite(string foldedHeader) => Websites.Contains(foldedHeader);

    /// <summary>Headers a user can write, for the error that lists what is understood.</summary>
    public const string KnownHeadersText =
        "First Name, Last Name, Name, Email (E-mail Address, E-mail 1 - Value), LinkedIn URL (URL in LinkedIn exports), " +
        "Company (Organization, Organization 1 - Name), Position (Job Title, Organization 1 - Title), Connected On, " +
        "Event, Met on, What we talked about (Notes), What I can offer, Tags";

    /// <summary>The field a header feeds in <paramref name="format"/>, or null when the column is ignored.</summary>
    public static ContactField? FieldFor(string foldedHeader, ImportFormat format) => (format, foldedHeader) switch
    {
        (ImportFormat.LinkedInConnections, "url") => ContactField.LinkedInUrl,
        (ImportFormat.OutlookContacts, "title") => null,
        (ImportFormat.GoogleContacts, "labels") => null,
        _ => Generic.TryGetValue(foldedHeader, out var field) ? field : null,
    };

    /// <summary>
    /// Lower-case letters and digits of <paramref name="header"/>, in any script, with a Latin letter's diacritics dropped
    /// ("Prénom" → prenom, "E-mail 1 - Value" → email1value, "Почта" → почта); the marks other scripts write vowels
    /// with (Devanagari's ा) are kept, since without them different words would fold alike.
    /// </summary>
    public static string Fold(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var normalised = header.Normalize(System.Text.NormalizationForm.FormD);
        Span<char> buffer = normalised.Length <= 256 ? stackalloc char[normalised.Length] : new char[normalised.Length];
        var length = 0;
        foreach (var c in normalised)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
            else if (c > 0x7F && char.IsLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
            else if (length > 0 && !char.IsAscii(buffer[length - 1]) && TextCleaner.IsCombiningMark(c))
            {
                buffer[length++] = c;
            }
        }

        return new string(buffer[..length]).Normalize(System.Text.NormalizationForm.FormC);
    }
}
