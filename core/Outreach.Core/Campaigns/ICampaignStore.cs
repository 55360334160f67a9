namespace Outreach.Core.Campaigns;

/// <summary>
/// Each owner's campaigns (table <c>Campaigns</c>, one partition per owner, row key the campaign id). The default
/// campaigns (<see cref="DefaultCampaigns"/>) are always there by id, even when never stored; storing one under the
/// same id replaces it for that owner.
/// </summary>
public interface ICampaignStore
{
    /// <summary>The owner's campaign, a default campaign, or null.</summary>
    Task<Campaign?> GetAsync(string ownerId, string campaignId, CancellationToken cancellationToken);

    /// <summary>Every campaign of the owner, defaults included, by id.</summary>
    Task<IReadOnlyList<Campaign>> ListAsync(string ownerId, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the campaign in its owner's partition.</summary>
    /// <exception cref="DomainException">The campaign is invalid (<see cref="CampaignValidator"/>).</exception>
    Task SaveAsync(Campaign campaign, CancellationToken cancellationToken);

    /// <summary>Deletes a stored campaign; false when none was stored (a default then stays available).</summary>
    Task<bool> DeleteAsync(string ownerId, string campaignId, CancellationToken cancellationToken);
}
