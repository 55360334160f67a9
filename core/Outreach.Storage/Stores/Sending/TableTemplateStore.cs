using Outreach.Core.Messaging.Templates;
using Outreach.Core.Sending;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Sending;

/// <summary>The <c>Templates</c> table: PartitionKey the owner, RowKey the kind's wire name, one custom template per kind.</summary>
/// <param name="table">The templates table; it must exist.</param>
public sealed class TableTemplateStore(TableClient table) : ITemplateStore
{
    /// <inheritdoc />
    public async Task<MessageTemplate?> FindAsync(string ownerId, TemplateKind kind, CancellationToken cancellationToken)
    {
        var row = await table.GetAsync(TableKeyCodec.Encode(ownerId), kind.ToName(), cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToTemplate(row, kind);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MessageTemplate>> ListAsync(string ownerId, CancellationToken cancellationToken)
    {
        var templates = new List<MessageTemplate>();
        await foreach (var row in table.QueryAsync(TableFilter.Eq("PartitionKey", TableKeyCodec.Encode(ownerId)), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            templates.Add(ToTemplate(row, TemplateKindNames.Parse(row.RowKey, "RowKey")));
        }

        return [.. templates.OrderBy(t => t.Kind)];
    }

    /// <inheritdoc />
    public Task SaveAsync(string ownerId, MessageTemplate custom, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(custom);
        var entity = new TableEntity(TableKeyCodec.Encode(ownerId), custom.Kind.ToName())
        {
            [nameof(MessageTemplate.Id)] = custom.Id,
            [nameof(MessageTemplate.Name)] = custom.Name,
            [nameof(MessageTemplate.Subject)] = custom.Subject,
            [nameof(MessageTemplate.Text)] = custom.Text,
            [nameof(MessageTemplate.Html)] = custom.Html,
        };
        return table.UpsertAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string ownerId, TemplateKind kind, CancellationToken cancellationToken) =>
        table.DeleteAsync(TableKeyCodec.Encode(ownerId), kind.ToName(), cancellationToken: cancellationToken);

    private static MessageTemplate ToTemplate(TableEntity row, TemplateKind kind) => new(
        row.GetString(nameof(MessageTemplate.Id)) ?? kind.ToName(),
        row.GetString(nameof(MessageTemplate.Name)) ?? string.Empty,
        kind,
        row.GetString(nameof(MessageTemplate.Subject)) ?? string.Empty,
        row.GetString(nameof(MessageTemplate.Text)) ?? string.Empty,
        row.GetString(nameof(MessageTemplate.Html)) ?? string.Empty);
}
