using Outreach.Core.Messaging.Templates;

namespace Outreach.Core.Sending;

/// <summary>An owner's custom templates, at most one per kind.</summary>
public interface ITemplateStore
{
    /// <summary>The owner's custom template for <paramref name="kind"/>, or null to use the shipped default.</summary>
    Task<MessageTemplate?> FindAsync(string ownerId, TemplateKind kind, CancellationToken cancellationToken);

    /// <summary>Every custom template of the owner, in kind order.</summary>
    Task<IReadOnlyList<MessageTemplate>> ListAsync(string ownerId, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the owner's template of <paramref name="custom"/>'s kind.</summary>
    Task SaveAsync(string ownerId, MessageTemplate custom, CancellationToken cancellationToken);

    /// <summary>Removes the owner's template of <paramref name="kind"/>, so the shipped default applies again.</summary>
    /// <returns>False when the owner had no template of that kind.</returns>
    Task<bool> DeleteAsync(string ownerId, TemplateKind kind, CancellationToken cancellationToken);
}
