using Outreach.Core.Planning;
using Outreach.Storage.Stores.Planning;
using Outreach.Testing.LocalServices;

namespace Outreach.Storage.Tests.Stores.Planning;

[Collection(AzuriteGroup.Name)]
public sealed class TableSuppressionStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset When = new(2026, 3, 9, 9, 0, 0, TimeSpan.Zero);

    private async Task<TableSuppressionStore> NewStoreAsync() => new(await StoreTables.NewAsync(azurite, "supp"));

    [Fact]
    public async Task A_loaded_list_suppresses_stored_contacts_and_addresses_with_reserved_characters_for_that_owner_only()
    {
        var store = await NewStoreAsync();
        await store.AddAsync(SuppressionEntry.ForContact("owner-1", "c/1", "manual", When), CancellationToken.None);
        await store.AddAsync(SuppressionEntry.ForEmail("owner-1", " Ada/Love#1?@Example.org ", "unsubscribed", When), CancellationToken.None);
        await store.AddAsync(SuppressionEntry.ForContact("owner-2", "c2", "bounced", When), CancellationToken.None);

        var list = await store.LoadListAsync("owner-1", CancellationToken.None);

        Assert.True(list.IsSuppressed("owner-1", "c/1", null));
        Assert.True(list.IsSuppressed("owner-1", "other", "ada/love#1?@example.org"));
        Assert.False(list.IsSuppressed("owner-1", "c2", null));
        Assert.Equal(
            [new SuppressionEntry("owner-1", "contact:c/1", "manual", When), new SuppressionEntry("owner-1", "email:ada/love#1?@example.org", "unsubscribed", When)],
            await store.ListAsync("owner-1", CancellationToken.None));
    }

    [Fact]
    public async Task Lifting_a_suppression_removes_it_and_lifting_it_again_reports_nothing_to_remove()
    {
        var store = await NewStoreAsync();
        await store.AddAsync(SuppressionEntry.ForContact("owner-1", "c1", "manual", When), CancellationToken.None);

        Assert.True(await store.RemoveAsync("owner-1", SuppressionEntry.ContactKey("c1"), CancellationToken.None));
        Assert.False(await store.RemoveAsync("owner-1", SuppressionEntry.ContactKey("c1"), CancellationToken.None));
        Assert.False((await store.LoadListAsync("owner-1", CancellationToken.None)).IsSuppressed("owner-1", "c1", null));
    }
}
