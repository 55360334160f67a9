namespace Outreach.Core.Contacts;

/// <summary>
/// A key an import claims for a contact: a key of a row that no contact held when the row was folded into (or
/// created) the contact. Besides the contact's own keys, that includes keys it does not hold itself: a row that matched
/// it by its LinkedIn URL and brought a second address, say. So every row folded into a contact finds it again, in a
/// later batch and when the file is imported again. The first contact to claim a key keeps it.
/// </summary>
/// <param name="ContactId">The contact the key is claimed for.</param>
/// <param name="Key">The key.</param>
public readonly record struct ContactKeyClaim(string ContactId, ContactKey Key);
