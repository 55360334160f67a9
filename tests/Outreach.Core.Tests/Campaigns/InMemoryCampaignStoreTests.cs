using Outreach.Core.Campaigns;

namespace Outreach.Core.Tests.Campaigns;

public sealed class InMemoryCampaignStoreTests
{
    private readonly InMemoryCampaignStore _store = new();

    [Fact]
    public async Task Defaults_are_available_by_id_until_the_owner_stores_their_own_version()
    {
        Assert.Equal(DefaultCampaigns.ClassVisitFollowUp("ada").Steps, (await _store.GetAsync("ada", DefaultCampaigns.ClassVisitFollowUpId, CancellationToken.None))!.Steps);
        var shorter = DefaultCampaigns.ClassVisitFollowUp("ada") with { Name = "Just thanks", Steps = [DefaultCampaigns.ClassVisitFollowUp("ada").Steps[0]] };

        await _store.SaveAsync(shorter, CancellationToken.None);

        Assert.Same(shorter, await _store.GetAsync("ada", DefaultCampaigns.ClassVisitFollowUpId, CancellationToken.None));
        Assert.Equal(3, (await _store.GetAsync("bo", DefaultCampaigns.ClassVisitFollowUpId, CancellationToken.None))!.Steps.Count);
        Assert.Equal(
            [DefaultCampaigns.ClassVisitFollowUpId, DefaultCampaigns.PayItForwardIntroductionId],
            (await _store.ListAsync("ada", CancellationToken.None)).Select(c => c.CampaignId));
        Assert.Null(await _store.GetAsync("ada", "no-such-campaign", CancellationToken.None));
        Assert.True(await _store.DeleteAsync("ada", DefaultCampaigns.ClassVisitFollowUpId, CancellationToken.None));
        Assert.Equal("Class visit follow-up", (await _store.GetAsync("ada", DefaultCampaigns.ClassVisitFollowUpId, CancellationToken.None))!.Name);
    }
}
