using Outreach.Core.Messaging.Defaults;
using Outreach.Core.Messaging.Templates;
using CampaignTemplateKind = Outreach.Core.Campaigns.TemplateKind;

namespace Outreach.Core.Sending;

/// <summary>The template a task is rendered with: the owner's custom one for its kind, else the shipped default.</summary>
/// <param name="store">The owner's custom templates.</param>
public sealed class TemplateResolver(ITemplateStore store)
{
    /// <summary>The template for a campaign step's kind.</summary>
    /// <exception cref="DomainException">No template of that kind exists (code <c>template.unknown-kind</c>).</exception>
    public async Task<MessageTemplate> ResolveAsync(string ownerId, CampaignTemplateKind kind, CancellationToken cancellationToken)
    {
        return await ResolveAsync(ownerId, KindOf(kind), cancellationToken);
    }

    /// <summary>The template the owner's messages of <paramref name="kind"/> are rendered with.</summary>
    public async Task<MessageTemplate> ResolveAsync(string ownerId, TemplateKind kind, CancellationToken cancellationToken) =>
        await store.FindAsync(ownerId, kind, cancellationToken) ?? DefaultTemplates.For(kind);

    /// <summary>The template kind with the same name (the campaign enum is a subset of the messaging one).</summary>
    public static TemplateKind KindOf(CampaignTemplateKind kind) =>
        Enum.TryParse<TemplateKind>(kind.ToString(), out var messagingKind)
            ? messagingKind
            : throw new DomainException("template.unknown-kind", $"No message template kind matches campaign kind '{kind}'.", "template");
}
