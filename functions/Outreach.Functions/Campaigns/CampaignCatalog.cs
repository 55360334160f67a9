using Outreach.Core.Accounts;
using Outreach.Core.Campaigns;

namespace Outreach.Functions.Campaigns;

/// <summary>
/// The campaigns an owner may see: their own, the defaults, and those a coach they consented to shares with them. A
/// shared campaign counts only while the coach still lists the owner in <see cref="Campaign.SharedWith"/> and the
/// owner's consent to that coach is active; withdrawing consent hides it at once.
/// </summary>
internal sealed class CampaignCatalog(ICampaignStore campaigns, ICampaignShares shares, AccountService accounts)
{
    public async Task<IReadOnlyList<VisibleCampaign>> ListAsync(string ownerId, CancellationToken cancellationToken)
    {
        var own = await campaigns.ListAsync(ownerId, cancellationToken).ConfigureAwait(false);
        var visible = own.Select(c => new VisibleCampaign(c, AccessOf(c))).ToList();
        foreach (var share in await shares.ListAsync(ownerId, null, cancellationToken).ConfigureAwait(false))
        {
            if (await SharedAsync(ownerId, share, cancellationToken).ConfigureAwait(false) is { } shared)
            {
                visible.Add(shared);
            }
        }

        return visible;
    }

    /// <summary>The owner's own (or default) campaign with that id, else one shared with them, else null.</summary>
    public async Task<VisibleCampaign?> FindAsync(string ownerId, string campaignId, CancellationToken cancellationToken)
    {
        if (await campaigns.GetAsync(ownerId, campaignId, cancellationToken).ConfigureAwait(false) is { } own)
        {
            return new VisibleCampaign(own, AccessOf(own));
        }

        foreach (var share in await shares.ListAsync(ownerId, campaignId, cancellationToken).ConfigureAwait(false))
        {
            if (await SharedAsync(ownerId, share, cancellationToken).ConfigureAwait(false) is { } shared)
            {
                return shared;
            }
        }

        return null;
    }

    private static CampaignAccess AccessOf(Campaign campaign) =>
        StoredCampaigns.Default(campaign.OwnerId, campaign.CampaignId) is null ? CampaignAccess.Own : CampaignAccess.Default;

    private async Task<VisibleCampaign?> SharedAsync(string clientId, CampaignShare share, CancellationToken cancellationToken)
    {
        var consent = await accounts.FindConsentAsync(share.CoachId, clientId, cancellationToken).ConfigureAwait(false);
        if (consent is not { IsActive: true })
        {
            return null;
        }

        var campaign = await campaigns.GetAsync(share.CoachId, share.CampaignId, cancellationToken).ConfigureAwait(false);
        return campaign is not null && campaign.SharedWith.Contains(clientId, StringComparer.Ordinal)
            ? new VisibleCampaign(campaign, CampaignAccess.Shared)
            : null;
    }
}
