using Outreach.Core.Contacts;

namespace Outreach.Core.Sending;

/// <summary>Point reads of stored contacts (what the sender needs to render a message).</summary>
public interface IContactReader
{
    /// <summary>The contact, or null when it does not exist (never imported, or erased).</summary>
    Task<Contact?> GetAsync(string ownerId, string contactId, CancellationToken cancellationToken);
}
