using Outreach.Core.Campaigns;
using Outreach.Storage.Stores.Campaigns;
using Outreach.Testing.LocalServices;
using Outreach.Core.Messaging.Templates;

namespace Outreach.Storage.Tests.Stores.Campaigns;

[Collection(AzuriteGroup.Name)]
public sealed class TableCampaignStoreTests(AzuriteFixture azurite)
{
    private async Task<TableCampaignStore> NewStoreAsync() => new(await StoreTables.NewAsync(azurite, "campaigns"));

    [Fact]
    public async Task A_stored_campaign_round_trips_every_step_setting_and_replaces_the_default_of_that_id()
    {
        var store = await NewStoreAsync();
        var campaign = new Campaign
        {
            CampaignId = DefaultCampaigns.ClassVisitFollowUpId,
            Name = "Careers fair",
            OwnerId = "coach/1",
            OwnerKind = CampaignOwnerKind.Coach,
            SharedWith = ["client-1", "client-2"],
            Steps =
            [
                new CampaignStep { StepId = "thanks", Template = TemplateKind.ThankYou, Delay = StepDelay.BusinessDays(1), SendAt = new TimeOnly(8, 30) },
                new CampaignStep
                {
                    StepId = "give", Template = TemplateKind.GiveFirst, TemplateName = "article", Delay = StepDelay.CalendarDays(21),
                    Channel = ChannelPreference.EmailOnly, Condition = StepCondition.Always,
                },
            ],
        };

        await store.SaveAsync(campaign, CancellationToken.None);
        var read = await store.GetAsync("coach/1", DefaultCampaigns.ClassVisitFollowUpId, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(campaign.Steps, read.Steps);
        Assert.Equal(campaign.SharedWith, read.SharedWith);
        Assert.Equal(campaign, read with { Steps = campaign.Steps, SharedWith = campaign.SharedWith });
        Assert.Equal(["Careers fair", "Pay it forward introduction"], (await store.ListAsync("coach/1", CancellationToken.None)).Select(c => c.Name));
    }

    [Fact]
    public async Task Defaults_are_there_for_an_owner_who_stored_nothing_and_unknown_ids_are_null()
    {
        var store = await NewStoreAsync();

        var listed = await store.ListAsync("ada", CancellationToken.None);

        Assert.Equal([DefaultCampaigns.ClassVisitFollowUpId, DefaultCampaigns.PayItForwardIntroductionId], listed.Select(c => c.CampaignId));
        Assert.Equal("ada", listed[0].OwnerId);
        Assert.Null(await store.GetAsync("ada", "nope", CancellationToken.None));
        Assert.False(await store.DeleteAsync("ada", DefaultCampaigns.ClassVisitFollowUpId, CancellationToken.None));
    }

    [Fact]
    public async Task An_invalid_campaign_is_refused_before_it_is_stored()
    {
        var store = await NewStoreAsync();
        var invalid = DefaultCampaigns.ClassVisitFollowUp("ada") with { CampaignId = "mine", Steps = [] };

        await Assert.ThrowsAsync<Core.DomainException>(() => store.SaveAsync(invalid, CancellationToken.None));

        Assert.Null(await store.GetAsync("ada", "mine", CancellationToken.None));
    }
}
