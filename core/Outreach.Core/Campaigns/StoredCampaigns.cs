namespace Outreach.Core.Campaigns;

/// <summary>The one rule every campaign store follows for defaults: a stored campaign wins, a default fills in.</summary>
public static class StoredCampaigns
{
    /// <summary>The default campaign with <paramref name="campaignId"/> for <paramref name="ownerId"/>, or null.</summary>
    public static Campaign? Default(string ownerId, string campaignId) => campaignId switch
    {
        DefaultCampaigns.ClassVisitFollowUpId => DefaultCampaigns.ClassVisitFollowUp(ownerId),
        DefaultCampaigns.PayItForwardIntroductionId => DefaultCampaigns.PayItForwardIntroduction(ownerId),
        _ => null,
    };

    /// <summary><paramref name="stored"/> plus every default not replaced by a stored campaign, ordered by id.</summary>
    public static IReadOnlyList<Campaign> WithDefaults(string ownerId, IEnumerable<Campaign> stored)
    {
        var byId = stored.ToDictionary(c => c.CampaignId, StringComparer.Ordinal);
        foreach (var id in new[] { DefaultCampaigns.ClassVisitFollowUpId, DefaultCampaigns.PayItForwardIntroductionId })
        {
            byId.TryAdd(id, Default(ownerId, id)!);
        }

        return [.. byId.Values.OrderBy(c => c.CampaignId, StringComparer.Ordinal)];
    }
}
