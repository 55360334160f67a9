using Outreach.Core.Outcomes;
using Outreach.Core.Planning;

namespace Outreach.Core.Tests.Planning;

public sealed class HashedSuppressionTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_erased_contacts_hashed_entry_still_suppresses_the_address_in_any_case_for_that_owner_only()
    {
        var hash = DedupeKeys.Sha256Hex("jane.doe@contoso.com");
        var list = new SuppressionEntry("owner-1", SuppressionEntry.EmailHashKey(hash), "unsubscribed", Now).AddTo(new SuppressionList());

        Assert.True(list.IsSuppressed("owner-1", "re-imported", "jane.doe@contoso.com"));
        Assert.False(list.IsSuppressed("owner-2", "re-imported", "jane.doe@contoso.com"));
        Assert.False(list.IsSuppressed("owner-1", "re-imported", "john.doe@contoso.com"));
        Assert.False(list.IsSuppressed("owner-1", "re-imported", null));
    }

    [Fact]
    public void The_hash_is_the_one_erasure_plans_for_the_contacts_address()
    {
        var contact = new Contacts.Contact { OwnerId = "owner-1", ContactId = "c-1", Email = " Jane.Doe@Contoso.com " };

        var plan = ErasurePlanner.Plan(new ErasureRequest { Contact = contact });

        Assert.True(new SuppressionList().AddEmailHash("owner-1", plan.SuppressionHash!).IsSuppressed("owner-1", "c-2", contact.EmailKey!.Trim()));
    }
}
