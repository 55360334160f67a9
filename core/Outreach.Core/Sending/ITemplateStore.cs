using Outreach.Core.Messaging.Templates;

namespace Outreach.Core.Sending;

/// <summary>An owner's custom templates, at most one per kind.</summary>
public interface ITemplateStore
{
    /// <summary>The owner's custom template for <paramref name="kind"/>, or null to use the shipped default.</summary>
    Task<MessageTemplate?> FindAsync(string ownerId, TemplateKind kind, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the owner's template of <paramref name="custom"/>'s kind.</summary>
    Task SaveAsync(string ownerId, MessageTemplate custom, CancellationToken cancellationToken);
}
