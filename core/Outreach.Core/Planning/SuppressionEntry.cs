namespace Outreach.Core.Planning;

/// <summary>
/// One stored suppression of an owner: a contact id or an email address the owner must not contact.
/// <see cref="Key"/> is <c>contact:&lt;contactId&gt;</c> or <c>email:&lt;lower-cased email&gt;</c>, the same keys
/// <see cref="SuppressionList"/> matches on.
/// </summary>
/// <param name="OwnerId">The owner.</param>
/// <param name="Key">What is suppressed (build it with <see cref="ForContact"/> or <see cref="ForEmail"/>).</param>
/// <param name="Reason">Why, e.g. <c>unsubscribed</c>, <c>bounced</c>, <c>manual</c>.</param>
/// <param name="SuppressedUtc">When it was suppressed.</param>
public sealed record SuppressionEntry(string OwnerId, string Key, string Reason, DateTimeOffset SuppressedUtc)
{
    private const string ContactPrefix = "contact:";
    private const string EmailPrefix = "email:";
    private const string EmailHashPrefix = "email-sha256:";

    /// <summary>A suppression of one contact id.</summary>
    public static SuppressionEntry ForContact(string ownerId, string contactId, string reason, DateTimeOffset suppressedUtc) =>
        new(ownerId, ContactKey(contactId), reason, suppressedUtc);

    /// <summary>A suppression of one email address (any case).</summary>
    public static SuppressionEntry ForEmail(string ownerId, string email, string reason, DateTimeOffset suppressedUtc) =>
        new(ownerId, EmailKey(email), reason, suppressedUtc);

    /// <summary>
    /// A suppression of one email address (any case) stored only as the hash of its key (<see cref="EmailHashKey"/>): for
    /// copies no erasure of the owner's own contact would find, e.g. a cohort member's or a bounced alias.
    /// </summary>
    public static SuppressionEntry ForEmailHash(string ownerId, string email, string reason, DateTimeOffset suppressedUtc) =>
        new(ownerId, EmailHashKey(Outcomes.DedupeKeys.Sha256Hex(EmailKey(email)[EmailPrefix.Length..])), reason, suppressedUtc);

    /// <summary>The key suppressing a contact id.</summary>
    public static string ContactKey(string contactId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contactId);
        return ContactPrefix + contactId;
    }

    /// <summary>The key suppressing an email address: trimmed and lower-cased.</summary>
    public static string EmailKey(string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        return EmailPrefix + email.Trim().ToLowerInvariant();
    }

    /// <summary>
    /// The key suppressing an address by the lower-case hex SHA-256 of its email key (<see cref="Outcomes.ErasurePlan.SuppressionHash"/>):
    /// an erased contact stays unmailable without the address being stored.
    /// </summary>
    public static string EmailHashKey(string emailKeyHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(emailKeyHash);
        return EmailHashPrefix + emailKeyHash;
    }

    /// <summary>Adds this entry to <paramref name="list"/>.</summary>
    /// <exception cref="DomainException">The key is neither a contact nor an email key (code <c>suppression.bad-key</c>).</exception>
    public SuppressionList AddTo(SuppressionList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return Key.StartsWith(ContactPrefix, StringComparison.Ordinal) ? list.AddContact(OwnerId, Key[ContactPrefix.Length..])
            : Key.StartsWith(EmailHashPrefix, StringComparison.Ordinal) ? list.AddEmailHash(OwnerId, Key[EmailHashPrefix.Length..])
            : Key.StartsWith(EmailPrefix, StringComparison.Ordinal) ? list.AddEmail(OwnerId, Key[EmailPrefix.Length..])
            : throw new DomainException("suppression.bad-key", "A suppression key starts with 'contact:', 'email:' or 'email-sha256:'.", "key");
    }

    /// <summary>Owner, reason and kind only: the generated record text would print an email address into logs.</summary>
    public override string ToString() =>
        $"Suppression for {OwnerId} ({(Key.StartsWith(ContactPrefix, StringComparison.Ordinal) ? "contact" : "email")}, {Reason})";
}
