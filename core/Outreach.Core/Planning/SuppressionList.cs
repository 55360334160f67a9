namespace Outreach.Core.Planning;

/// <summary>An in-memory suppression list per owner, by contact id and by email key.</summary>
public sealed class SuppressionList : ISuppressionCheck
{
    /// <summary>A list that suppresses nobody.</summary>
    public static ISuppressionCheck None { get; } = new SuppressionList();

    private readonly HashSet<(string Owner, string Key)> _entries = [];

    /// <summary>Suppresses a contact id for an owner.</summary>
    public SuppressionList AddContact(string ownerId, string contactId)
    {
        _entries.Add((ownerId, "contact:" + contactId));
        return this;
    }

    /// <summary>Suppresses an email address (any case) for an owner.</summary>
    public SuppressionList AddEmail(string ownerId, string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        _entries.Add((ownerId, "email:" + email.Trim().ToLowerInvariant()));
        return this;
    }

    /// <summary>Suppresses an address known only by the SHA-256 of its key (what erasure keeps, <see cref="SuppressionEntry.EmailHashKey"/>).</summary>
    public SuppressionList AddEmailHash(string ownerId, string emailKeyHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(emailKeyHash);
        _entries.Add((ownerId, SuppressionEntry.EmailHashKey(emailKeyHash)));
        return this;
    }

    /// <inheritdoc />
    public bool IsSuppressed(string ownerId, string contactId, string? emailKey) =>
        _entries.Contains((ownerId, "contact:" + contactId))
        || (emailKey is not null && (_entries.Contains((ownerId, "email:" + emailKey))
            || _entries.Contains((ownerId, SuppressionEntry.EmailHashKey(Outcomes.DedupeKeys.Sha256Hex(emailKey))))));
}
