using Outreach.Core.Contacts;

namespace Outreach.Core.Sending;

/// <summary>Reads of stored contacts: one by id (what the sender needs to render a message), or an owner's all at once.</summary>
public interface IContactReader
{
    /// <summary>The contact, or null when it does not exist (never imported, or erased).</summary>
    Task<Contact?> GetAsync(string ownerId, string contactId, CancellationToken cancellationToken);

    /// <summary>
    /// Every contact of the owner, or null when they have more than <paramref name="maxContacts"/> (or too much text to
    /// hold at once): for a caller that needs many of them, cheaper than reading each by id.
    /// </summary>
    ValueTask<IReadOnlyList<Contact>?> TryListAsync(string ownerId, int maxContacts, CancellationToken cancellationToken);
}
