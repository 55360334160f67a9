using Outreach.Core.Campaigns;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Campaigns;

/// <summary>
/// <see cref="ICampaignStore"/> on the <c>Campaigns</c> table: PartitionKey the owner, RowKey the campaign id, with
/// Name and the campaign as JSON (<see cref="CampaignJson"/>). Listing an owner is one partition query; the defaults
/// fill in for ids not stored.
/// </summary>
/// <param name="table">The campaigns table (e.g. <c>account.GetTable(StoreTableNames.Campaigns)</c>); it must exist.</param>
public sealed class TableCampaignStore(TableClient table) : ICampaignStore
{
    private const string NameProperty = "Name";
    private const string JsonProperty = "Campaign";

    private readonly TableClient _table = table ?? throw new ArgumentNullException(nameof(table));

    /// <inheritdoc />
    public async Task<Campaign?> GetAsync(string ownerId, string campaignId, CancellationToken cancellationToken)
    {
        var row = await _table.GetAsync(TableKeyCodec.Encode(ownerId), TableKeyCodec.Encode(campaignId), cancellationToken).ConfigureAwait(false);
        return row is null ? StoredCampaigns.Default(ownerId, campaignId) : ToCampaign(row);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Campaign>> ListAsync(string ownerId, CancellationToken cancellationToken)
    {
        var stored = new List<Campaign>();
        var rows = _table.QueryAsync(TableFilter.Eq("PartitionKey", TableKeyCodec.Encode(ownerId)), cancellationToken: cancellationToken);
        await foreach (var row in rows.ConfigureAwait(false))
        {
            stored.Add(ToCampaign(row));
        }

        return StoredCampaigns.WithDefaults(ownerId, stored);
    }

    /// <inheritdoc />
    public Task SaveAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        CampaignValidator.EnsureValid(campaign);
        var entity = new TableEntity(TableKeyCodec.Encode(campaign.OwnerId), TableKeyCodec.Encode(campaign.CampaignId))
        {
            [NameProperty] = campaign.Name,
            [JsonProperty] = CampaignJson.Write(campaign),
        };
        return _table.UpsertAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string ownerId, string campaignId, CancellationToken cancellationToken) =>
        _table.DeleteAsync(TableKeyCodec.Encode(ownerId), TableKeyCodec.Encode(campaignId), cancellationToken: cancellationToken);

    private static Campaign ToCampaign(TableEntity row) =>
        CampaignJson.Read(
            row.GetString(JsonProperty) ?? throw new FormatException($"Campaign row {row.PartitionKey}/{row.RowKey} has no {JsonProperty}."),
            $"Campaign row {row.PartitionKey}/{row.RowKey}");
}
