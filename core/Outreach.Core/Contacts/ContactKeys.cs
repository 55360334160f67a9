using System.Buffers;
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
    public static ContactKey[] Of(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return Of(contact.Email, contact.LinkedInUrl, contact.FirstName, contact.LastName, contact.Company);
    }

    /// <summary>The keys of a person described by these fields (the LinkedIn URL already canonical), strongest first.</summary>
    public static ContactKey[] Of(string? email, string? linkedInUrl, string? firstName, string? lastName, string? company)
    {
        var emailKey = EmailKey(email);
        var linkedIn = string.IsNullOrEmpty(linkedInUrl) ? null : linkedInUrl;
        var nameKey = NameAndCompanyKey(firstName, lastName, company);
        var keys = new ContactKey[(emailKey is null ? 0 : 1) + (linkedIn is null ? 0 : 1) + (nameKey is null ? 0 : 1)];
        var i = 0;
        if (emailKey is not null)
        {
            keys[i++] = new ContactKey(ContactKeyKind.Email, emailKey);
        }

        if (linkedIn is not null)
        {
            keys[i++] = new ContactKey(ContactKeyKind.LinkedIn, linkedIn);
        }

        if (nameKey is not null)
        {
            keys[i] = new ContactKey(ContactKeyKind.NameAndCompany, nameKey);
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

        var capacity = (firstName?.Length ?? 0) + (lastName?.Length ?? 0) + company.Length + 2;

        // A pooled buffer: stackalloc would zero it on every call, which cost more than the folding itself.
        var rented = ArrayPool<char>.Shared.Rent(capacity);
        try
        {
            var buffer = rented.AsSpan();
            var length = AppendFolded(buffer, 0, firstName);
            length = AppendFolded(buffer, length, lastName);
            if (length == 0)
            {
                return null;
            }

            buffer[length++] = '|';
            var beforeCompany = length;
            length = AppendFolded(buffer, length, company);
            return length == beforeCompany ? null : new string(buffer[..length]);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>Appends the folded letters and digits of <paramref name="text"/>, words separated by one space.</summary>
    private static int AppendFolded(Span<char> buffer, int length, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return length;
        }

        var pendingSpace = length > 0 && buffer[length - 1] != '|';
        foreach (var c in text)
        {
            var folded = Fold(c);
            if (folded == '\0')
            {
                pendingSpace |= length > 0 && buffer[length - 1] != '|';
                continue;
            }

            if (folded == Mark)
            {
                continue; // a combining accent of already-decomposed text
            }

            if (pendingSpace)
            {
                buffer[length++] = ' ';
                pendingSpace = false;
            }

            buffer[length++] = folded;
        }

        return length;
    }

    private const char Mark = '\uFFFF';

    /// <summary>The lower-case base letter or digit of <paramref name="c"/>, <see cref="Mark"/> for a combining mark, or \0 for a separator.</summary>
    private static char Fold(char c)
    {
        if (c < 0x80)
        {
            return char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '\0';
        }

        if (c - FoldedFirst < FoldedLatin.Value.Length)
        {
            return FoldedLatin.Value[c - FoldedFirst];
        }

        return char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark ? Mark : '\0';
    }

    private const char FoldedFirst = '\u0080';

    /// <summary>
    /// U+0080 to U+1EFF (Latin-1, Latin Extended, IPA, Greek, Cyrillic, Vietnamese...) folded once through
    /// Unicode decomposition (é → e, Å → a), so the hot path never calls <see cref="string.Normalize()"/>.
    /// Letters with no decomposition (ß, ø, ł) stay themselves.
    /// </summary>
    private static readonly Lazy<char[]> FoldedLatin = new(() =>
    {
        var table = new char[0x1F00 - FoldedFirst];
        for (var i = 0; i < table.Length; i++)
        {
            var c = (char)(FoldedFirst + i);
            if (!char.IsLetterOrDigit(c))
            {
                table[i] = CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark ? Mark : '\0';
                continue;
            }

            var decomposed = char.IsSurrogate(c) ? c.ToString() : c.ToString().Normalize(NormalizationForm.FormD);
            table[i] = char.ToLowerInvariant(decomposed[0]);
        }

        return table;
    });
}
