using System.Globalization;
using System.Text;

namespace Outreach.Core.Contacts;

/// <summary>
/// Builds the normalised identity keys de-duplication matches on: the lower-cased email, the canonical LinkedIn
/// URL (already canonical on <see cref="Contact"/>), and full name + company folded for case, diacritics,
/// punctuation and whitespace, so "José  García, ACME Inc." and "jose garcia / Acme inc" meet.
/// </summary>
public static class ContactKeys
{
    /// <summary>The keys of a contact, strongest first (email, LinkedIn, name + company), skipping absent ones.</summary>
    public static IReadOnlyList<ContactKey> Of(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var keys = new List<ContactKey>(3);
        if (EmailKey(contact.Email) is { } email)
        {
            keys.Add(new ContactKey(ContactKeyKind.Email, email));
        }

        if (!string.IsNullOrEmpty(contact.LinkedInUrl))
        {
            keys.Add(new ContactKey(ContactKeyKind.LinkedIn, contact.LinkedInUrl));
        }

        if (NameAndCompanyKey(contact.FirstName, contact.LastName, contact.Company) is { } name)
        {
            keys.Add(new ContactKey(ContactKeyKind.NameAndCompany, name));
        }

        return keys;
    }

    /// <summary>The matching key of an email: trimmed and lower-cased (invariant), or null when empty.</summary>
    public static string? EmailKey(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var trimmed = email.AsSpan().Trim();
        foreach (var c in trimmed)
        {
            if (char.IsUpper(c))
            {
                return trimmed.ToString().ToLowerInvariant();
            }
        }

        return trimmed.Length == email.Length ? email : trimmed.ToString();
    }

    /// <summary>
    /// "first last|company" with letters and digits only (lower-cased, diacritics removed, every run of other
    /// characters one space), or null unless a name and a company are both present: a name alone is too weak
    /// to merge two people on.
    /// </summary>
    public static string? NameAndCompanyKey(string? firstName, string? lastName, string? company)
    {
        if (string.IsNullOrWhiteSpace(company) || (string.IsNullOrWhiteSpace(firstName) && string.IsNullOrWhiteSpace(lastName)))
        {
            return null;
        }

        var builder = new StringBuilder(64);
        AppendFolded(builder, firstName);
        AppendFolded(builder, lastName);
        if (builder.Length == 0)
        {
            return null;
        }

        builder.Append('|');
        var beforeCompany = builder.Length;
        AppendFolded(builder, company);
        return builder.Length == beforeCompany ? null : builder.ToString();
    }

    private static void AppendFolded(StringBuilder builder, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var source = IsAscii(text) ? text : RemoveDiacritics(text);
        var pendingSpace = builder.Length > 0 && builder[^1] != '|';
        foreach (var c in source)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace)
                {
                    builder.Append(' ');
                    pendingSpace = false;
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '|')
            {
                pendingSpace = true;
            }
        }
    }

    private static bool IsAscii(string text)
    {
        foreach (var c in text)
        {
            if (c > 0x7F)
            {
                return false;
            }
        }

        return true;
    }

    private static string RemoveDiacritics(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        // Letters with no decomposition (ß, ø, ł) stay as they are; both spellings of one name rarely meet.
        return builder.ToString();
    }
}
