using Outreach.Core.Messaging.Defaults;
using Outreach.Core.Messaging.Templates;

namespace Outreach.Core.Sending;

/// <summary>The template a task is rendered with: the owner's custom one for its kind, else the shipped default.</summary>
/// <param name="store">The owner's custom templates.</param>
public sealed class TemplateResolver(ITemplateStore store)
{
    /// <summary>The template the owner's messages of <paramref name="kind"/> are rendered with.</summary>
    public async Task<MessageTemplate> ResolveAsync(string ownerId, TemplateKind kind, CancellationToken cancellationToken) =>
        await store.FindAsync(ownerId, kind, cancellationToken) ?? DefaultTemplates.For(kind);
}
