using System.Collections.Concurrent;
using Outreach.Core.Messaging.Templates;

namespace Outreach.Core.Sending;

/// <summary>Owners' custom templates in memory (tests, dry runs).</summary>
public sealed class InMemoryTemplateStore : ITemplateStore
{
    private readonly ConcurrentDictionary<(string OwnerId, TemplateKind Kind), MessageTemplate> _templates = new();

    /// <inheritdoc />
    public Task<MessageTemplate?> FindAsync(string ownerId, TemplateKind kind, CancellationToken cancellationToken) =>
        Task.FromResult(_templates.TryGetValue((ownerId, kind), out var template) ? template : null);

    /// <inheritdoc />
    public Task<IReadOnlyList<MessageTemplate>> ListAsync(string ownerId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MessageTemplate>>(
            [.. _templates.Where(p => p.Key.OwnerId == ownerId).OrderBy(p => p.Key.Kind).Select(p => p.Value)]);

    /// <inheritdoc />
    public Task SaveAsync(string ownerId, MessageTemplate custom, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(custom);
        _templates[(ownerId, custom.Kind)] = custom;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string ownerId, TemplateKind kind, CancellationToken cancellationToken) =>
        Task.FromResult(_templates.TryRemove((ownerId, kind), out _));
}
