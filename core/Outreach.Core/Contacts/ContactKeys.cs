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

    /// <summary>The key of kind <paramref name="kind"/> of a contact, which must have one.</summary>
    /// <exception cref="InvalidOperationException">The contact has no key of that kind.</exception>
    public static ContactKey KeyOf(Contact contact, ContactKeyKind kind)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var value = kind switch
        {
            ContactKeyKind.Email => EmailKey(contact.Email),
            ContactKeyKind.LinkedIn => string.IsNullOrEmpty(contact.LinkedInUrl) ? null : contact.LinkedInUrl,
            _ => NameAndCompanyKey(contact.FirstName, contact.LastName, contact.Company),
        };
        return value is null
            ? throw new InvalidOperationException($"Contact {contact.ContactId} has no {kind} key.")
            : new ContactKey(kind, value);
    }

    /// <summary>
    /// The kind of a contact's key number <paramref name="index"/> in <see cref="Of(Contact)"/>'s order (strongest first,
    /// absent ones skipped), without building any key. Whether a name + company key exists is not checked (that takes
    /// folding them): one index past the last key may give that kind, whose <see cref="KeyOf"/> then throws.
    /// </summary>
    public static ContactKeyKind KindOf(Contact contact, int index)
    {
        ArgumentNullException.ThrowIfNull(contact);
        if (!string.IsNullOrWhiteSpace(contact.Email) && index-- == 0)
        {
            return ContactKeyKind.Email;
        }

        if (!string.IsNullOrEmpty(contact.LinkedInUrl) && index-- == 0)
        {
            return ContactKeyKind.LinkedIn;
        }

        return index == 0
            ? ContactKeyKind.NameAndCompany
            : throw new ArgumentOutOfRangeException(nameof(index), index, "The contact has fewer keys.");
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
        var capacity = NameAndCompanyCapacity(firstName, lastName, company);
        if (capacity == 0)
        {
            return null;
        }

        var rented = capacity > StackLimit ? ArrayPool<char>.Shared.Rent(capacity) : null;
        try
        {
            var buffer = rented ?? stackalloc char[capacity];
            var length = FoldNameAndCompany(buffer, firstName, lastName, company);
            return length == 0 ? null : new string(buffer[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// The 64-bit hashes (<see cref="OwnerContactIds.KeyHash"/>) of the keys <see cref="Of(string, string, string, string, string)"/>
    /// gives for these fields, in the same order, and the id of the strongest, without building the key strings: an
    /// import hashes every row's keys but needs the strings only to look keys up in storage.
    /// </summary>
    /// <param name="email">The email as imported.</param>
    /// <param name="linkedInUrl">The canonical LinkedIn URL.</param>
    /// <param name="firstName">The first name.</param>
    /// <param name="lastName">The last name.</param>
    /// <param name="company">The company.</param>
    /// <param name="ids">The owner's id maker (the owner seeds the hashes and the id).</param>
    /// <param name="scratch">Room to lower-case or fold a key in; a key longer than it gets a buffer of its own.</param>
    /// <param name="hashes">Receives the hashes, strongest first.</param>
    /// <param name="newId">The id (<see cref="ContactIdFactory.CreateValue(string, ContactKey)"/>) of the strongest key.</param>
    /// <param name="nameHash">The <see cref="PersonNameHash"/> of the names, from the name the key folded when there is one.</param>
    /// <returns>How many hashes were written to <paramref name="hashes"/> (at most three).</returns>
    internal static int HashesOf(
        string? email, string? linkedInUrl, string? firstName, string? lastName, string? company, in OwnerContactIds ids, Span<char> scratch, Span<ulong> hashes, out UInt128 newId, out ulong nameHash)
    {
        newId = default;
        var count = 0;
        if (!string.IsNullOrWhiteSpace(email))
        {
            ReadOnlySpan<char> key = email.AsSpan().Trim();
            if (key.ContainsAnyInRange('A', 'Z') || (key.ContainsAnyExceptInRange('\u0000', '\u007F') && HasUpper(key)))
            {
                var lower = key.Length <= scratch.Length ? scratch[..key.Length] : new char[key.Length];
                key.ToLowerInvariant(lower);
                key = lower;
            }

            Add(ContactKeyKind.Email, key, ids, hashes, ref count, ref newId);
        }

        if (!string.IsNullOrEmpty(linkedInUrl))
        {
            Add(ContactKeyKind.LinkedIn, linkedInUrl, ids, hashes, ref count, ref newId);
        }

        var capacity = NameAndCompanyCapacity(firstName, lastName, company);
        if (capacity > 0)
        {
            var buffer = capacity <= scratch.Length ? scratch : new char[capacity];
            var length = FoldNameAndCompany(buffer, firstName, lastName, company, out var nameLength);
            if (length > 0)
            {
                Add(ContactKeyKind.NameAndCompany, buffer[..length], ids, hashes, ref count, ref newId);
            }

            // The name folded for the key, hashed alone: what PersonNameHash folds and hashes.
            nameHash = NameHashOfFolded(buffer[..nameLength]);
        }
        else
        {
            nameHash = PersonNameHash(firstName, lastName);
        }

        return count;
    }

    /// <summary>The first (strongest) key makes the id, whose high half is its hash; the others are hashed alone.</summary>
    private static void Add(ContactKeyKind kind, ReadOnlySpan<char> key, in OwnerContactIds ids, Span<ulong> hashes, ref int count, ref UInt128 newId)
    {
        if (count == 0)
        {
            newId = ids.CreateValue(kind, key);
            hashes[count++] = ContactIdFactory.KeyHashOf(newId);
        }
        else
        {
            hashes[count++] = ids.KeyHash(kind, key);
        }
    }

    /// <summary>Keys longer than this are folded in a pooled buffer instead of on the stack.</summary>
    private const int StackLimit = 512;

    private static bool HasUpper(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsUpper(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A hash of the person's name as the name + company key folds it (case, diacritics, punctuation and spacing aside),
    /// company left out; 0 for no name. Two contacts of one hash are, as far as their names say, one person.
    /// </summary>
    internal static ulong PersonNameHash(string? firstName, string? lastName)
    {
        var capacity = (firstName?.Length ?? 0) + (lastName?.Length ?? 0) + 1;
        var rented = capacity > StackLimit ? ArrayPool<char>.Shared.Rent(capacity) : null;
        try
        {
            var buffer = rented ?? stackalloc char[capacity];
            return NameHashOfFolded(buffer[..AppendFolded(buffer, AppendFolded(buffer, 0, firstName), lastName)]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The hash of a name folded as the name + company key folds it; 0 for none.</summary>
    private static ulong NameHashOfFolded(ReadOnlySpan<char> folded) =>
        folded.IsEmpty ? 0 : StableHash.Finish(StableHash.Append(0x6e616d65UL, folded)) | 1;

    /// <summary>The buffer a name + company key needs, or 0 when there is no key (no company, or no name).</summary>
    private static int NameAndCompanyCapacity(string? firstName, string? lastName, string? company) =>
        string.IsNullOrWhiteSpace(company) || (string.IsNullOrWhiteSpace(firstName) && string.IsNullOrWhiteSpace(lastName))
            ? 0
            : (firstName?.Length ?? 0) + (lastName?.Length ?? 0) + company.Length + 2;

    /// <summary>Folds the name and company key into <paramref name="buffer"/>; its length, or 0 when either part folds to nothing.</summary>
    private static int FoldNameAndCompany(Span<char> buffer, string? firstName, string? lastName, string? company) =>
        FoldNameAndCompany(buffer, firstName, lastName, company, out _);

    /// <summary>Folds the name and company key into <paramref name="buffer"/>, its name first (<paramref name="nameLength"/> characters); the key's length, or 0 when either part folds to nothing.</summary>
    private static int FoldNameAndCompany(Span<char> buffer, string? firstName, string? lastName, string? company, out int nameLength)
    {
        var length = AppendFolded(buffer, 0, firstName);
        length = AppendFolded(buffer, length, lastName);
        nameLength = length;
        if (length == 0)
        {
            return 0;
        }

        buffer[length++] = '|';
        var beforeCompany = length;
        length = AppendFolded(buffer, length, company);
        return length == beforeCompany ? 0 : length;
    }

    /// <summary>Appends the folded letters and digits of <paramref name="text"/>, words separated by one space.</summary>
    private static int AppendFolded(Span<char> buffer, int length, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return length;
        }

        var pendingSpace = length > 0 && buffer[length - 1] != '|';
        if (IsPlainWords(text))
        {
            // ASCII letters and digits in words one space apart (most names and companies): folding is lower-casing.
            if (pendingSpace)
            {
                buffer[length++] = ' ';
            }

            Ascii.ToLower(text, buffer[length..], out var written);
            return length + written;
        }

        var table = FoldTable;
        foreach (var c in text)
        {
            var folded = c < table.Length ? table[c] : FoldBeyondTable(c);
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

    /// <summary>ASCII letters, digits and the space: a text of only these folds by lower-casing alone, when its words are one space apart.</summary>
    private static readonly SearchValues<char> PlainWordCharacters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 ");

    /// <summary>Whether <paramref name="text"/> (not empty) is ASCII letters and digits in words exactly one space apart, with no space at either end.</summary>
    private static bool IsPlainWords(string text) =>
        text[0] != ' ' && text[^1] != ' ' && !text.AsSpan().ContainsAnyExcept(PlainWordCharacters) && !text.Contains("  ", StringComparison.Ordinal);

    /// <summary>The lower-case letter or digit of a character past <see cref="FoldTable"/>, <see cref="Mark"/> for a combining mark, or \0 for a separator.</summary>
    private static char FoldBeyondTable(char c) =>
        char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark ? Mark : '\0';

    /// <summary>
    /// U+0000 to U+1EFF (ASCII, Latin-1, Latin Extended, IPA, Greek, Cyrillic, Vietnamese...) folded once: letters
    /// and digits to their lower-case base letter through Unicode decomposition (é → e, Å → a), combining marks to
    /// <see cref="Mark"/>, everything else to \0. One array read per character, and the hot path never calls
    /// <see cref="string.Normalize()"/>. Letters with no decomposition (ß, ø, ł) stay themselves.
    /// </summary>
    private static readonly char[] FoldTable = BuildFoldTable();

    private static char[] BuildFoldTable()
    {
        var table = new char[0x1F00];
        for (var i = 0; i < table.Length; i++)
        {
            var c = (char)i;
            if (!char.IsLetterOrDigit(c))
            {
                table[i] = CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark ? Mark : '\0';
                continue;
            }

            var decomposed = c < 0x80 || char.IsSurrogate(c) ? c.ToString() : c.ToString().Normalize(NormalizationForm.FormD);
            table[i] = char.ToLowerInvariant(decomposed[0]);
        }

        return table;
    }
}
