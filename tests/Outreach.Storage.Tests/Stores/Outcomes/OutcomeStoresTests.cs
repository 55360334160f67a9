using Outreach.Core.Contacts;
using Outreach.Core.Outcomes;
using Outreach.Core.Planning;
using Outreach.Storage.Stores.Contacts;
using Outreach.Storage.Stores.Outcomes;
using Outreach.Storage.Stores.Planning;
using Outreach.Storage.Stores.Sending;
using Outreach.Testing.LocalServices;
using Outreach.Testing.Time;
using Outreach.Core.Messaging.Templates;

namespace Outreach.Storage.Tests.Stores.Outcomes;

/// <summary>The outcome, ledger, address-index and open-sequence stores round-trip through Azurite.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class OutcomeStoresTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Outcomes_are_recorded_once_per_dedupe_key_and_listed_oldest_first_per_owner()
    {
        var store = new TableOutcomeStore(TestAccounts.For(azurite).GetTable(TestAccounts.UniqueName("outcomes")));
        var later = Outcome("o-1", "c-1", "mid:b/1@x.example", Noon.AddHours(1)) with { Note = "Call booked", TaskId = "t-1" };
        var bounce = Outcome("o-1", "c-2", "mid:a@x.example", Noon) with { Type = OutcomeType.Bounced, BounceSeverity = BounceSeverity.Hard };

        Assert.True(await store.AddAsync(later, CancellationToken.None));
        Assert.True(await store.AddAsync(bounce, CancellationToken.None));
        Assert.False(await store.AddAsync(later with { Note = "changed" }, CancellationToken.None));
        Assert.True(await store.AddAsync(Outcome("o-2", "c-1", "mid:b/1@x.example", Noon), CancellationToken.None));

        Assert.Equal([bounce, later], await store.ListAsync("o-1", CancellationToken.None));
        Assert.Equal([later], await store.ListForContactAsync("o-1", "c-1", CancellationToken.None));
        Assert.True(await store.DeleteAsync("o-1", later.DedupeKey, CancellationToken.None));
        Assert.Equal([bounce], await store.ListAsync("o-1", CancellationToken.None));
    }

    [Fact]
    public async Task The_ledger_accepts_a_key_once_until_it_is_removed()
    {
        var ledger = new TableInboundLedger(TestAccounts.For(azurite).GetTable(TestAccounts.UniqueName("ledger")));

        Assert.True(await ledger.TryRecordAsync("mid:abc@x.example", CancellationToken.None));
        Assert.False(await ledger.TryRecordAsync("mid:abc@x.example", CancellationToken.None));
        Assert.True(await ledger.RemoveAsync("mid:abc@x.example", CancellationToken.None));
        Assert.True(await ledger.TryRecordAsync("mid:abc@x.example", CancellationToken.None));
    }

    [Fact]
    public async Task A_claim_never_completed_is_taken_again_once_stale_but_a_completed_one_never_is()
    {
        var clock = new ManualTimeProvider(Noon);
        var ledger = new TableInboundLedger(TestAccounts.For(azurite).GetTable(TestAccounts.UniqueName("ledger")), clock);
        Assert.True(await ledger.TryRecordAsync("mid:crashed@x.example", CancellationToken.None)); // its invocation died here
        Assert.True(await ledger.TryRecordAsync("mid:done@x.example", CancellationToken.None));
        await ledger.CompleteAsync("mid:done@x.example", CancellationToken.None);

        clock.Advance(TableInboundLedger.ClaimLease - TimeSpan.FromSeconds(1));
        Assert.False(await ledger.TryRecordAsync("mid:crashed@x.example", CancellationToken.None)); // may still be running
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await ledger.TryRecordAsync("mid:crashed@x.example", CancellationToken.None));
        Assert.False(await ledger.TryRecordAsync("mid:crashed@x.example", CancellationToken.None)); // the new claim is fresh

        clock.Advance(TimeSpan.FromDays(3));
        Assert.False(await ledger.TryRecordAsync("mid:done@x.example", CancellationToken.None));
    }

    [Fact]
    public async Task A_ledger_row_written_before_claims_had_a_state_counts_as_done()
    {
        var table = TestAccounts.For(azurite).GetTable(TestAccounts.UniqueName("ledger"));
        await table.CreateIfNotExistsAsync();
        await table.InsertAsync(new Outreach.Storage.Tables.TableEntity(DedupeKeys.Sha256Hex("mid:old@x.example"), "k"));
        var clock = new ManualTimeProvider(Noon.AddDays(30));

        Assert.False(await new TableInboundLedger(table, clock).TryRecordAsync("mid:old@x.example", CancellationToken.None));
    }

    [Fact]
    public async Task A_sent_task_is_found_by_its_id_and_both_rows_go_on_removal()
    {
        var index = new TableSentMessageIndex(await StoreTables.NewAsync(azurite, "sent"));
        var sent = new SentMessageRef("o-1", "4f0c9a", "c-1", "sam@uni.example");
        await index.RecordAsync("<m-1@uni.example>", sent, CancellationToken.None);

        Assert.Equal(sent, await index.FindByTaskIdAsync("4F0C9A", CancellationToken.None));
        await index.RemoveAsync("4f0c9a", "<m-1@uni.example>", CancellationToken.None);

        Assert.Null(await index.FindByTaskIdAsync("4f0c9a", CancellationToken.None));
        Assert.Null(await index.FindByMessageIdAsync("m-1@uni.example", CancellationToken.None));
    }

    [Fact]
    public async Task Open_sequences_are_the_owners_contacts_with_the_address_and_a_pending_task()
    {
        var emails = new TableContactEmailIndex(TestAccounts.For(azurite).GetTable(TestAccounts.UniqueName("emails")));
        var contacts = new TableContactStore(await StoreTables.NewAsync(azurite, "contacts"), await StoreTables.NewAsync(azurite, "keys"), emails);
        var tasks = new TableTaskStore(await StoreTables.NewAsync(azurite, "tasks"));
        await contacts.WriteAsync("o-1", [Contact("o-1", "c-1", "Jane@Contoso.com")], CancellationToken.None);
        await contacts.WriteAsync("o-2", [Contact("o-2", "c-9", "jane@contoso.com")], CancellationToken.None);
        await tasks.TryAddAsync(Task("o-1", "c-1", "t-sent", TaskState.Sent) with { SentUtc = Noon }, CancellationToken.None);
        await tasks.TryAddAsync(Task("o-1", "c-1", "t-next", TaskState.Planned), CancellationToken.None);
        await tasks.TryAddAsync(Task("o-2", "c-9", "t-done", TaskState.Sent) with { SentUtc = Noon }, CancellationToken.None);

        var sent = new TableSentMessageIndex(await StoreTables.NewAsync(azurite, "sent"));

        var open = await new TableOpenSequenceIndex(emails, tasks, sent).FindOpenByContactEmailAsync("jane@contoso.com", CancellationToken.None);

        Assert.Equal([new OpenSequence("o-1", "c-1", "t-sent")], open); // the only one: no sender address needed
        Assert.Equal([("o-1", "c-1"), ("o-2", "c-9")], await emails.FindAsync("JANE@contoso.com", CancellationToken.None));
    }

    [Fact]
    public async Task Open_sequences_of_two_owners_carry_the_address_of_each_ones_latest_email_even_after_a_linkedin_step()
    {
        var emails = new TableContactEmailIndex(TestAccounts.For(azurite).GetTable(TestAccounts.UniqueName("emails")));
        var contacts = new TableContactStore(await StoreTables.NewAsync(azurite, "contacts"), await StoreTables.NewAsync(azurite, "keys"), emails);
        var tasks = new TableTaskStore(await StoreTables.NewAsync(azurite, "tasks"));
        var sent = new TableSentMessageIndex(await StoreTables.NewAsync(azurite, "sent"));
        await contacts.WriteAsync("o-1", [Contact("o-1", "c-1", "jane@contoso.com")], CancellationToken.None);
        await contacts.WriteAsync("o-2", [Contact("o-2", "c-9", "jane@contoso.com")], CancellationToken.None);
        await tasks.TryAddAsync(Task("o-1", "c-1", "t-sent", TaskState.Sent) with { SentUtc = Noon }, CancellationToken.None);
        await sent.RecordAsync("<t-sent@uni.example>", new SentMessageRef("o-1", "t-sent", "c-1", "sam@uni.example"), CancellationToken.None);
        // Sam then sent a LinkedIn message by hand: the latest step, but no email, so no address of its own.
        await tasks.TryAddAsync(Task("o-1", "c-1", "t-linkedin", TaskState.Done) with { Channel = TaskChannel.LinkedIn, SentUtc = Noon.AddDays(2) }, CancellationToken.None);
        await tasks.TryAddAsync(Task("o-1", "c-1", "t-next", TaskState.Planned), CancellationToken.None);
        await tasks.TryAddAsync(Task("o-2", "c-9", "t-kim", TaskState.Sent) with { SentUtc = Noon }, CancellationToken.None);
        await sent.RecordAsync("<t-kim@uni.example>", new SentMessageRef("o-2", "t-kim", "c-9", "kim@uni.example"), CancellationToken.None);
        await tasks.TryAddAsync(Task("o-2", "c-9", "t-kim-next", TaskState.Planned), CancellationToken.None);

        var open = await new TableOpenSequenceIndex(emails, tasks, sent).FindOpenByContactEmailAsync("jane@contoso.com", CancellationToken.None);

        Assert.Equal(
            [new OpenSequence("o-1", "c-1", "t-linkedin", "sam@uni.example"), new OpenSequence("o-2", "c-9", "t-kim", "kim@uni.example")],
            open.OrderBy(o => o.OwnerId, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Deleting_a_contact_removes_its_keys_and_address_index_entry()
    {
        var keyTable = await StoreTables.NewAsync(azurite, "keys");
        var emails = new TableContactEmailIndex(TestAccounts.For(azurite).GetTable(TestAccounts.UniqueName("emails")));
        var contacts = new TableContactStore(await StoreTables.NewAsync(azurite, "contacts"), keyTable, emails);
        await contacts.WriteAsync("o-1", [Contact("o-1", "c-1", "jane@contoso.com") with { LinkedInUrl = "https://www.linkedin.com/in/jane" }], CancellationToken.None);

        Assert.True(await contacts.DeleteAsync("o-1", "c-1", CancellationToken.None));

        Assert.Null(await contacts.GetAsync("o-1", "c-1", CancellationToken.None));
        Assert.Empty(await emails.FindAsync("jane@contoso.com", CancellationToken.None));
        Assert.Empty(await keyTable.QueryAsync().ToListAsync());
        Assert.False(await contacts.DeleteAsync("o-1", "c-1", CancellationToken.None));
    }

    private static Outcome Outcome(string ownerId, string contactId, string key, DateTimeOffset at) => new()
    {
        OwnerId = ownerId,
        ContactId = contactId,
        Type = OutcomeType.Replied,
        OccurredAt = at,
        Source = OutcomeSource.Inbound,
        DedupeKey = key,
    };

    private static Contact Contact(string ownerId, string contactId, string email) => new()
    {
        OwnerId = ownerId,
        ContactId = contactId,
        FirstName = "Jane",
        LastName = "Doe",
        Email = email,
    };

    private static OutreachTask Task(string ownerId, string contactId, string taskId, TaskState state) => new()
    {
        TaskId = taskId,
        OwnerId = ownerId,
        ContactId = contactId,
        CampaignId = "class-visit",
        StepId = taskId,
        Template = TemplateKind.FollowUp,
        Channel = TaskChannel.Email,
        DueUtc = Noon,
        State = state,
    };
}
