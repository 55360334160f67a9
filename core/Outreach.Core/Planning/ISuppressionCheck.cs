namespace Outreach.Core.Planning;

/// <summary>
/// Whether a contact must not be contacted (unsubscribed, bounced, or suppressed by hand). Planning and dispatch are
/// synchronous, so the storage side loads the owner's suppression partition into a <see cref="SuppressionList"/> first.
/// </summary>
public interface ISuppressionCheck
{
    /// <summary>True when the owner must not contact this person, matched by contact id or by lower-cased email.</summary>
    /// <param name="ownerId">The sending owner.</param>
    /// <param name="contactId">The contact.</param>
    /// <param name="emailKey">The contact's lower-cased email, or null.</param>
    bool IsSuppressed(string ownerId, string contactId, string? emailKey);
}
