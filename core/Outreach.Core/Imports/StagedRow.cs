using System.Runtime.CompilerServices;
using Outreach.Core.Contacts;

namespace Outreach.Core.Imports;

/// <summary>
/// A data row after validation and normalisation, waiting for de-duplication with its batch. One instance per
/// place in the batch, reused for every batch (<see cref="Reset"/>), so reading a row allocates only what the row
/// keeps (its contact, or its errors and text).
/// </summary>
internal sealed class StagedRow
{
    private KeyHashes _keys;

    /// <summary>The physical line the row starts on.</summary>
    public int Line { get; private set; }

    /// <summary>The row's contact, under the id it gets if it turns out to be new; null when rejected.</summary>
    public Contact? Contact { get; private set; }

    /// <summary>The fields of <see cref="Contact"/> that hold a value.</summary>
    public ContactFieldSet Fields { get; private set; }

    /// <summary>The 128 bits of the id should the row create a contact.</summary>
    public UInt128 NewId { get; private set; }

    /// <summary>The hash of the name of the row's contact (<see cref="ContactKeys.PersonNameHash"/>): a further address finds only a contact of this name.</summary>
    public ulong NameHash { get; private set; }

    /// <summary>How many identity keys the row has (at least one when accepted): its contact's own, then its further addresses'.</summary>
    public int KeyCount { get; private set; }

    /// <summary>How many of the keys are its contact's own (<see cref="ContactKeys.Of(Contact)"/>, in that order); the rest are <see cref="FurtherEmails"/>.</summary>
    public int OwnKeyCount { get; private set; }

    /// <summary>
    /// The email keys (lower-cased) of the row's further addresses (Outlook's <c>E-mail 2 Address</c>, the rest of Google's
    /// <c>a ::: b</c>), none equal to its own address or to one another: identities of the person the contact does not hold
    /// itself, claimed for it as a merged row's second address is (<see cref="ContactKeyClaim"/>). Null when it has none.
    /// </summary>
    public IReadOnlyList<string>? FurtherEmails { get; private set; }

    /// <summary>What is said of an accepted row's addresses its contact is not found by (<see cref="LeftOutAddresses"/>); null for none.</summary>
    public IReadOnlyList<RowError>? AddressesLeftOut { get; private set; }

    /// <summary>Why the row was rejected; null when accepted.</summary>
    public List<RowError>? Errors { get; private set; }

    /// <summary>A rejected row's text as in the file.</summary>
    public string? RawText { get; private set; }

    public bool IsRejected => Contact is null;

    /// <summary>The row's keys as strings, built only when the owner has stored contacts to look them up among.</summary>
    public ContactKey[]? StoredKeys { get; set; }

    /// <summary>The hash (<see cref="OwnerContactIds.KeyHash"/>) of key <paramref name="index"/>, strongest first.</summary>
    public ulong KeyHash(int index) => _keys[index];

    /// <summary>The buffer the normaliser writes the key hashes into.</summary>
    public Span<ulong> KeyBuffer => _keys;

    /// <summary>The row's keys as strings, in the order of its key hashes: its contact's own, then its further addresses'.</summary>
    public ContactKey[] KeysAsText()
    {
        var own = ContactKeys.Of(Contact!);
        if (FurtherEmails is not { } further)
        {
            return own;
        }

        var keys = new ContactKey[own.Length + further.Count];
        own.CopyTo(keys, 0);
        for (var i = 0; i < further.Count; i++)
        {
            keys[own.Length + i] = new ContactKey(ContactKeyKind.Email, further[i]);
        }

        return keys;
    }

    /// <param name="line">The physical line the row starts on.</param>
    /// <param name="contact">Its contact, under the id it gets if new.</param>
    /// <param name="keyCount">How many key hashes were written to <see cref="KeyBuffer"/>, further addresses' included.</param>
    /// <param name="newId">The id should the row create a contact.</param>
    /// <param name="furtherEmails">The further addresses' email keys, whose hashes end <see cref="KeyBuffer"/>; null for none.</param>
    /// <param name="addressesLeftOut">What is said of the row's addresses its contact is not found by; null for none.</param>
    /// <param name="nameHash">The hash of the contact's name (<see cref="ContactKeys.PersonNameHash"/>).</param>
    public void Accept(
        int line, Contact contact, int keyCount, UInt128 newId, IReadOnlyList<string>? furtherEmails = null, IReadOnlyList<RowError>? addressesLeftOut = null, ulong nameHash = 0)
    {
        NameHash = nameHash;
        AddressesLeftOut = addressesLeftOut;
        Line = line;
        Contact = contact;
        Fields = ContactFieldSets.Of(contact);
        KeyCount = keyCount;
        OwnKeyCount = keyCount - (furtherEmails?.Count ?? 0);
        FurtherEmails = furtherEmails;
        NewId = newId;
        Errors = null;
        RawText = null;
        StoredKeys = null;
    }

    public void Reject(int line, List<RowError> errors, string rawText)
    {
        Line = line;
        Contact = null;
        Fields = ContactFieldSet.None;
        KeyCount = 0;
        OwnKeyCount = 0;
        FurtherEmails = null;
        AddressesLeftOut = null;
        NewId = default;
        Errors = errors;
        RawText = rawText;
        StoredKeys = null;
    }

    /// <summary>Drops what the row held, so a reused slot keeps nothing of an earlier batch alive.</summary>
    public void Reset()
    {
        Contact = null;
        FurtherEmails = null;
        AddressesLeftOut = null;
        Errors = null;
        RawText = null;
        StoredKeys = null;
    }

    /// <summary>The most further addresses a row's keys hold (Outlook has three slots; Google's cells can hold more).</summary>
    public const int MaxFurtherEmails = 3;

    /// <summary>The problems of an accepted row's outcome: <paramref name="leftOutParts"/> (what its contact had no room for), then <see cref="AddressesLeftOut"/>.</summary>
    public IReadOnlyList<RowError> ProblemsWith(IReadOnlyList<RowError> leftOutParts) =>
        AddressesLeftOut is not { } addresses ? leftOutParts : leftOutParts.Count == 0 ? addresses : [.. leftOutParts, .. addresses];

    /// <summary>Up to three key hashes of the contact's own and <see cref="MaxFurtherEmails"/> of further addresses, held inline.</summary>
    [InlineArray(3 + MaxFurtherEmails)]
    internal struct KeyHashes
    {
        private ulong _first;
    }
}
