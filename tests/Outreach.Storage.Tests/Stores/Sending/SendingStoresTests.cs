using Outreach.Core.Messaging.Defaults;
using Outreach.Core.Messaging.Templates;
using Outreach.Core.Outcomes;
using Outreach.Core.Planning;
using Outreach.Core.Senders;
using Outreach.Core.Sending;
using Outreach.Storage.Stores.Senders;
using Outreach.Storage.Stores.Sending;
using Outreach.Testing.LocalServices;
using Outreach.Core.Messaging.Delivery;

namespace Outreach.Storage.Tests.Stores.Sending;

/// <summary>The sent-message index and custom templates round-trip through Azurite (sender profiles: TableSenderProfileStoreTests).</summary>
[Collection(AzuriteGroup.Name)]
public sealed class SendingStoresTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_sent_message_is_found_by_any_form_of_its_message_id()
    {
        var index = new TableSentMessageIndex(await StoreTables.NewAsync(azurite, "sent"));
        var sent = new SentMessageRef("owner-1", "task-1", "c-1", "sam@uni.example");

        await index.RecordAsync("<ABC123/x@Uni.Example>", sent, CancellationToken.None);

        Assert.Equal(sent, await index.FindByMessageIdAsync(MessageIds.Normalize("<ABC123/x@uni.example>")!, CancellationToken.None));
        Assert.Equal(sent, await index.FindByMessageIdAsync("ABC123/x@UNI.EXAMPLE", CancellationToken.None));
        Assert.Null(await index.FindByMessageIdAsync("<abc123/x@uni.example>", CancellationToken.None));
    }

    [Fact]
    public async Task The_resolver_uses_the_owners_template_for_a_kind_and_the_shipped_default_otherwise()
    {
        var store = new TableTemplateStore(await StoreTables.NewAsync(azurite, "templates"));
        var custom = new MessageTemplate("mine", "My thanks", TemplateKind.ThankYou, "Thanks {{firstName}}", "Hi {{firstName}}", "<p>Hi {{firstName}}</p>");
        await store.SaveAsync("owner-1", custom, CancellationToken.None);
        var resolver = new TemplateResolver(store);

        var thanks = await resolver.ResolveAsync("owner-1", TemplateKind.ThankYou, CancellationToken.None);
        var followUp = await resolver.ResolveAsync("owner-1", TemplateKind.FollowUp, CancellationToken.None);
        var otherOwner = await resolver.ResolveAsync("owner-2", TemplateKind.ThankYou, CancellationToken.None);

        Assert.Equal(custom.Fingerprint, thanks.Fingerprint);
        Assert.Equal(DefaultTemplates.For(TemplateKind.FollowUp).Fingerprint, followUp.Fingerprint);
        Assert.Equal(DefaultTemplates.For(TemplateKind.ThankYou).Fingerprint, otherOwner.Fingerprint);
    }

    [Fact]
    public async Task The_owners_templates_are_listed_in_kind_order_and_deleting_one_brings_the_default_back()
    {
        var store = new TableTemplateStore(await StoreTables.NewAsync(azurite, "templates"));
        var nudge = new MessageTemplate("own-nudge", "Nudge", TemplateKind.Nudge, "Any news?", "Hi {{firstName}}", "<p>Hi</p>");
        var thanks = new MessageTemplate("own-thank_you", "Merci", TemplateKind.ThankYou, "Merci, à bientôt", "Hi {{firstName}}", "<p>Hi</p>");
        await store.SaveAsync("owner-1", nudge, CancellationToken.None);
        await store.SaveAsync("owner-1", thanks, CancellationToken.None);
        await store.SaveAsync("owner-2", nudge, CancellationToken.None);

        var listed = await store.ListAsync("owner-1", CancellationToken.None);
        var deleted = await store.DeleteAsync("owner-1", TemplateKind.ThankYou, CancellationToken.None);
        var deletedAgain = await store.DeleteAsync("owner-1", TemplateKind.ThankYou, CancellationToken.None);
        var resolved = await new TemplateResolver(store).ResolveAsync("owner-1", TemplateKind.ThankYou, CancellationToken.None);

        Assert.Equal([thanks.Fingerprint, nudge.Fingerprint], listed.Select(t => t.Fingerprint));
        Assert.Equal(["own-thank_you", "own-nudge"], listed.Select(t => t.Id));
        Assert.True(deleted);
        Assert.False(deletedAgain);
        Assert.Equal(DefaultTemplates.For(TemplateKind.ThankYou).Fingerprint, resolved.Fingerprint);
        Assert.Single(await store.ListAsync("owner-2", CancellationToken.None));
    }
}
