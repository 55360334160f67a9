using System.Collections.Concurrent;

namespace Outreach.Core.Campaigns;

/// <summary>Campaigns held in memory per owner, like the table: for tests and single-process runs.</summary>
public sealed class InMemoryCampaignStore : ICampaignStore
{
    private readonly ConcurrentDictionary<(string Owner, string Id), Campaign> _campaigns = new();

    /// <inheritdoc />
    public Task<Campaign?> GetAsync(string ownerId, string campaignId, CancellationToken cancellationToken) =>
        Task.FromResult(_campaigns.TryGetValue((ownerId, campaignId), out var campaign) ? campaign : StoredCampaigns.Default(ownerId, campaignId));

    /// <inheritdoc />
    public Task<IReadOnlyList<Campaign>> ListAsync(string ownerId, CancellationToken cancellationToken) =>
        Task.FromResult(StoredCampaigns.WithDefaults(ownerId, _campaigns.Values.Where(c => string.Equals(c.OwnerId, ownerId, StringComparison.Ordinal))));

    /// <inheritdoc />
    public Task SaveAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        CampaignValidator.EnsureValid(campaign);
        _campaigns[(campaign.OwnerId, campaign.CampaignId)] = campaign;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string ownerId, string campaignId, CancellationToken cancellationToken) =>
        Task.FromResult(_campaigns.TryRemove((ownerId, campaignId), out _));
}
