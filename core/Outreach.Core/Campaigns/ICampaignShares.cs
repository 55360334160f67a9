namespace Outreach.Core.Campaigns;

/// <summary>
/// The client side of <see cref="Campaign.SharedWith"/>: which coach campaigns each client may read and enrol into.
/// Campaigns live in their coach's partition, so without this a client would have to look through every coach.
/// The campaign's own <see cref="Campaign.SharedWith"/> stays the truth: readers re-check it (and the coach consent).
/// </summary>
public interface ICampaignShares
{
    /// <summary>Records that <paramref name="campaign"/> is shared with exactly its <see cref="Campaign.SharedWith"/>, dropping <paramref name="previouslySharedWith"/> clients no longer in it.</summary>
    Task SetAsync(Campaign campaign, IReadOnlyCollection<string> previouslySharedWith, CancellationToken cancellationToken);

    /// <summary>Every campaign shared with <paramref name="clientId"/> (optionally only those with id <paramref name="campaignId"/>).</summary>
    Task<IReadOnlyList<CampaignShare>> ListAsync(string clientId, string? campaignId, CancellationToken cancellationToken);
}
