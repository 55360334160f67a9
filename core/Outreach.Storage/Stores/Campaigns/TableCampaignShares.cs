using Outreach.Core.Campaigns;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Campaigns;

/// <summary>
/// <see cref="ICampaignShares"/> as rows of the <c>Campaigns</c> table: PartitionKey <c>client|shared</c> (an encoded id
/// never holds a raw <c>|</c>, so this never meets an owner's partition), RowKey <c>campaignId|coachId</c>, so one client's
/// shares are one partition query and one campaign id is a row-key range.
/// </summary>
/// <param name="table">The campaigns table; it must exist.</param>
public sealed class TableCampaignShares(TableClient table) : ICampaignShares
{
    private const string SharedSuffix = "shared";

    /// <inheritdoc />
    public async Task SetAsync(Campaign campaign, IReadOnlyCollection<string> previouslySharedWith, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(previouslySharedWith);
        foreach (var client in campaign.SharedWith)
        {
            await table.UpsertAsync(new TableEntity(Partition(client), Row(campaign.CampaignId, campaign.OwnerId)), TableUpdateMode.Replace, cancellationToken)
                .ConfigureAwait(false);
        }

        foreach (var client in previouslySharedWith.Except(campaign.SharedWith, StringComparer.Ordinal))
        {
            await table.DeleteAsync(Partition(client), Row(campaign.CampaignId, campaign.OwnerId), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CampaignShare>> ListAsync(string clientId, string? campaignId, CancellationToken cancellationToken)
    {
        var filter = TableFilter.Eq("PartitionKey", Partition(clientId));
        if (campaignId is not null)
        {
            // '}' sorts right after the '|' separator, so this range is exactly the rows of one campaign id.
            var prefix = TableKeyCodec.Encode(campaignId);
            filter = filter.And(TableFilter.Gt("RowKey", prefix + TableKeyCodec.Separator)).And(TableFilter.Lt("RowKey", prefix + "}"));
        }

        var shares = new List<CampaignShare>();
        await foreach (var row in table.QueryAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var parts = TableKeyCodec.Split(row.RowKey, 2);
            shares.Add(new CampaignShare(parts[1], parts[0]));
        }

        return shares;
    }

    private static string Partition(string clientId) => TableKeyCodec.Join(clientId, SharedSuffix);

    private static string Row(string campaignId, string coachId) => TableKeyCodec.Join(campaignId, coachId);
}
