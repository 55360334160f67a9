using Outreach.Core.Introductions;
using Outreach.Storage.Stores.Introductions;
using Outreach.Storage.Tables;
using Outreach.Testing.LocalServices;

namespace Outreach.Storage.Tests.Stores.Introductions;

/// <summary>
/// The timer's list of introductions comes from the open-introduction index, one partition, instead of a filter over
/// every owner's partition: what it returns, how rows leave it, and the one-off indexing of rows stored before it. And the
/// claim that keeps one open introduction at a time between two people: taken, refused, released, and swept once.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class TableIntroductionStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 3, 9, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_timer_lists_open_introductions_from_the_index_and_ended_ones_leave_it()
    {
        var (table, store) = await NewStoreAsync();
        await store.ListDueAsync(Now, CancellationToken.None); // the first run: nothing to index yet
        var waiting = (await store.TryAddAsync(Request("owner-1", "waiting"), CancellationToken.None))!;
        Assert.NotNull(await store.TryAddAsync(Request("owner-2", "made") with { State = IntroductionState.Introduced, Answer = ConsentAnswer.Yes }, CancellationToken.None));
        var declined = (await store.TryAddAsync(Request("owner-1", "declined"), CancellationToken.None))!;
        Assert.NotNull(await store.TryReplaceAsync(declined with { State = IntroductionState.Declined, Answer = ConsentAnswer.No, ClosedAt = Now }, CancellationToken.None));
        Assert.NotNull(await store.TryAddAsync(Request("owner-1", "stalled-after-yes") with { State = IntroductionState.Stalled, Answer = ConsentAnswer.Yes }, CancellationToken.None));
        Assert.NotNull(await store.TryAddAsync(Request("owner-2", "stalled-early") with { State = IntroductionState.Stalled }, CancellationToken.None));

        var due = await store.ListDueAsync(Now, CancellationToken.None);
        var dueLater = await store.ListDueAsync(Now.AddDays(7), CancellationToken.None);

        Assert.Equal(["made", "waiting"], due.Select(i => i.IntroductionId).Order(StringComparer.Ordinal));
        Assert.Equal(waiting.Version, due.Single(i => i.IntroductionId == "waiting").Version); // versioned for the timer's write
        Assert.Equal(["made", "stalled-early", "waiting"], dueLater.Select(i => i.IntroductionId).Order(StringComparer.Ordinal));
        Assert.Equal(["owner-1|waiting", "owner-2|made", "owner-2|stalled-early"], await IndexAsync(table));
    }

    [Fact]
    public async Task An_introduction_written_around_the_index_is_not_found_so_the_table_is_not_scanned()
    {
        var (table, store) = await NewStoreAsync();
        await store.ListDueAsync(Now, CancellationToken.None);
        await table.InsertAsync(IntroductionEntity.From(Request("owner-1", "unindexed")), CancellationToken.None);

        Assert.Empty(await store.ListDueAsync(Now, CancellationToken.None));
    }

    [Fact]
    public async Task Introductions_stored_before_the_index_existed_are_indexed_once_by_the_first_run()
    {
        var (table, store) = await NewStoreAsync();
        await table.InsertAsync(IntroductionEntity.From(Request("owner-1", "old-waiting")), CancellationToken.None);
        await table.InsertAsync(IntroductionEntity.From(Request("owner-1", "old-declined") with { State = IntroductionState.Declined, Answer = ConsentAnswer.No }), CancellationToken.None);

        var first = await store.ListDueAsync(Now, CancellationToken.None);
        await table.InsertAsync(IntroductionEntity.From(Request("owner-1", "written-later-around-it")), CancellationToken.None);
        var second = await store.ListDueAsync(Now, CancellationToken.None);

        Assert.Equal(["old-waiting"], first.Select(i => i.IntroductionId));
        Assert.Equal(["old-waiting"], second.Select(i => i.IntroductionId));
    }

    [Fact]
    public async Task A_left_over_index_row_is_removed_and_one_whose_request_is_not_stored_yet_is_kept_for_the_grace_period()
    {
        var (table, store) = await NewStoreAsync();
        await store.ListDueAsync(Now, CancellationToken.None);
        var ended = (await store.TryAddAsync(Request("owner-1", "ended"), CancellationToken.None))!;
        await table.UpdateAsync(
            IntroductionEntity.From(ended with { State = IntroductionState.Cancelled, ClosedAt = Now }), IntroductionEntity.ETagOf(ended), TableUpdateMode.Replace, CancellationToken.None);
        await table.UpsertAsync(OpenIndex.RowFor(Request("owner-1", "being-written")), TableUpdateMode.Replace, CancellationToken.None);

        Assert.Empty(await store.ListDueAsync(Now, CancellationToken.None));
        Assert.Equal(["owner-1|being-written"], await IndexAsync(table));
        Assert.Empty(await store.ListDueAsync(Now + OpenIndex.OrphanGrace, CancellationToken.None));
        Assert.Empty(await IndexAsync(table));
    }

    [Fact]
    public async Task Of_requests_for_one_pair_made_at_once_exactly_one_is_stored_and_the_others_are_told_which_and_leave_no_index_row()
    {
        var (table, store) = await NewStoreAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => store.TryAddForPairAsync(
            i % 2 == 0 ? Request("owner-1", $"r{i}") : Request("owner-1", $"r{i}") with { PersonAContactId = "contact-b", PersonBContactId = "contact-a" },
            CancellationToken.None)));

        var added = Assert.Single(results, r => r.Added is not null).Added!;
        Assert.All(results.Where(r => r.Added is null), r => Assert.Equal(added.IntroductionId, r.OpenBetweenPair?.IntroductionId));
        Assert.Equal([added.IntroductionId], (await store.ListAsync("owner-1", CancellationToken.None)).Select(i => i.IntroductionId));
        Assert.Equal([$"owner-1|{added.IntroductionId}"], await IndexAsync(table)); // the refused ones' rows are gone at once
        Assert.NotNull(await store.TryReplaceAsync(added with { State = IntroductionState.Cancelled, ClosedAt = Now }, CancellationToken.None));
        Assert.Empty(await ClaimsAsync(table, "owner-1")); // released when it ended
    }

    [Fact]
    public async Task A_claim_whose_introduction_ended_without_releasing_it_does_not_stop_a_new_request_but_an_open_one_does()
    {
        var (table, store) = await NewStoreAsync();
        var ended = (await store.TryAddForPairAsync(Request("owner-1", "ended"), CancellationToken.None)).Added!;
        await table.UpdateAsync(
            IntroductionEntity.From(ended with { State = IntroductionState.Declined, Answer = ConsentAnswer.No, ClosedAt = Now }),
            IntroductionEntity.ETagOf(ended), TableUpdateMode.Replace, CancellationToken.None); // its release never happened
        Assert.Single(await ClaimsAsync(table, "owner-1"));

        var again = await store.TryAddForPairAsync(Request("owner-1", "again") with { PersonAContactId = "contact-b", PersonBContactId = "contact-a" }, CancellationToken.None);
        var third = await store.TryAddForPairAsync(Request("owner-1", "third"), CancellationToken.None);
        var otherOwner = await store.TryAddForPairAsync(Request("owner-2", "elsewhere"), CancellationToken.None);

        Assert.Equal("again", again.Added?.IntroductionId);
        Assert.Null(third.Added);
        Assert.Equal("again", third.OpenBetweenPair?.IntroductionId);
        Assert.Equal("elsewhere", otherOwner.Added?.IntroductionId);
        Assert.Equal(["again", "ended"], (await store.ListAsync("owner-1", CancellationToken.None)).Select(i => i.IntroductionId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_open_introduction_an_erasure_ends_releases_its_claim_though_it_no_longer_names_its_pair()
    {
        var (table, store) = await NewStoreAsync();
        var erased = (await store.TryAddForPairAsync(Request("owner-1", "erased"), CancellationToken.None)).Added!;
        Assert.NotNull((await store.TryAddForPairAsync(Request("owner-1", "other") with { PersonAContactId = "contact-c" }, CancellationToken.None)).Added);
        var otherClaim = Assert.Single(await ClaimsAsync(table, "owner-1"), c => c == PairClaim.RowKey("contact-c", "contact-b"));

        var stopped = await store.TryReplaceAsync(IntroductionErasure.Erase(erased, "contact-a", Now), CancellationToken.None);

        Assert.Equal((IntroductionErasure.ErasedContactId, IntroductionState.Cancelled), (stopped?.PersonAContactId, stopped?.State));
        Assert.Equal([otherClaim], await ClaimsAsync(table, "owner-1"));
    }

    [Fact]
    public async Task The_timers_first_run_releases_claims_left_by_ended_introductions_once_and_keeps_open_ones()
    {
        var (table, store) = await NewStoreAsync();

        // An erasure before claims were released by the introduction they name: the introduction ended, its claim stayed.
        var erased = (await store.TryAddForPairAsync(Request("owner-1", "erased"), CancellationToken.None)).Added!;
        await table.UpdateAsync(
            IntroductionEntity.From(IntroductionErasure.Erase(erased, "contact-a", Now)), IntroductionEntity.ETagOf(erased), TableUpdateMode.Replace, CancellationToken.None);
        var open = (await store.TryAddForPairAsync(Request("owner-2", "open"), CancellationToken.None)).Added!;
        var before = (await ClaimsAsync(table, "owner-1")).Count;

        await store.ListDueAsync(Now, CancellationToken.None);
        var afterFirst = (await ClaimsAsync(table, "owner-1"), await ClaimsAsync(table, "owner-2"));
        await table.UpsertAsync(PairClaim.RowFor(Request("owner-1", "never-stored")), TableUpdateMode.Replace, CancellationToken.None);
        await store.ListDueAsync(Now, CancellationToken.None);

        Assert.Equal(1, before);
        Assert.Empty(afterFirst.Item1);
        Assert.Equal([PairClaim.RowKey(open.PersonAContactId, open.PersonBContactId)], afterFirst.Item2);
        Assert.Single(await ClaimsAsync(table, "owner-1")); // once: a later leftover waits for the next request between its pair
    }

    [Fact]
    public async Task A_request_whose_pair_claim_is_taken_again_each_time_it_is_cleared_is_not_stored_and_says_it_was_contended()
    {
        var (table, _) = await NewStoreAsync();

        // Before every transaction the store submits, a claim on the pair naming an introduction that was never stored
        // lands (as requests made at the same moment leave them), so each attempt finds the pair taken and clears it.
        var stale = 0;
        var seam = new BeforeBatch(() => table.UpsertAsync(PairClaim.RowFor(Request("owner-1", $"gone-{++stale}")), TableUpdateMode.Replace, CancellationToken.None));
        var account = TestAccounts.For(azurite, new StorageClientOptions { Transport = new Azure.Core.Pipeline.HttpClientTransport(new HttpClient(seam)) });
        var store = new TableIntroductionStore(account.GetTable(table.Name));

        var contended = await store.TryAddForPairAsync(Request("owner-1", "contended"), CancellationToken.None);
        seam.Stop();
        var later = await store.TryAddForPairAsync(Request("owner-1", "later"), CancellationToken.None);

        Assert.Equal((null, null, true), (contended.Added, contended.OpenBetweenPair, contended.Contended));
        Assert.Equal(4, stale);
        Assert.Equal("later", later.Added?.IntroductionId);
        Assert.Equal(["later"], (await store.ListAsync("owner-1", CancellationToken.None)).Select(i => i.IntroductionId));
        Assert.Equal(["owner-1|later"], await IndexAsync(table));
    }

    [Fact]
    public async Task A_refusal_stands_when_the_index_row_written_ahead_of_it_cannot_be_deleted()
    {
        var (table, store) = await NewStoreAsync();
        Assert.NotNull((await store.TryAddForPairAsync(Request("owner-1", "open"), CancellationToken.None)).Added);
        var failing = new FailingIndexDelete();
        var account = TestAccounts.For(azurite, new StorageClientOptions { Transport = new Azure.Core.Pipeline.HttpClientTransport(new HttpClient(failing)), Retry = { MaxRetries = 0 } });

        var refused = await new TableIntroductionStore(account.GetTable(table.Name)).TryAddForPairAsync(Request("owner-1", "refused"), CancellationToken.None);

        Assert.Equal(("open", null), (refused.OpenBetweenPair?.IntroductionId, refused.Added));
        Assert.True(failing.Failed);
        Assert.Equal(["owner-1|open", "owner-1|refused"], await IndexAsync(table)); // left for the timer
    }

    private static Introduction Request(string ownerId, string id) => new()
    {
        IntroductionId = id,
        OwnerId = ownerId,
        PersonAContactId = "contact-a",
        PersonBContactId = "contact-b",
        Reason = "Both work on accessible maps.",
        ConsentToken = "b-consent-token-0123456789",
        State = IntroductionState.AwaitingConsent,
        RequestedAt = Now,
        ConsentDeadline = Now.AddDays(7),
    };

    private async Task<(TableClient Table, TableIntroductionStore Store)> NewStoreAsync()
    {
        var table = await StoreTables.NewAsync(azurite, "introductions");
        return (table, new TableIntroductionStore(table));
    }

    private static async Task<List<string>> ClaimsAsync(TableClient table, string ownerId)
    {
        var rows = new List<string>();
        await foreach (var row in table.QueryAsync(TableFilter.Eq("PartitionKey", ownerId), cancellationToken: CancellationToken.None))
        {
            if (row.RowKey.StartsWith("~pair|", StringComparison.Ordinal))
            {
                rows.Add(row.RowKey);
            }
        }

        return rows;
    }

    private static async Task<List<string>> IndexAsync(TableClient table)
    {
        var rows = new List<string>();
        await foreach (var row in table.QueryAsync(TableFilter.Eq("PartitionKey", OpenIndex.Partition), cancellationToken: CancellationToken.None))
        {
            rows.Add(row.RowKey);
        }

        return [.. rows.Order(StringComparer.Ordinal)];
    }

    /// <summary>Answers every delete of an open-index row with a server error, as a storage outage would; the rest reaches Azurite.</summary>
    private sealed class FailingIndexDelete() : DelegatingHandler(new HttpClientHandler())
    {
        public bool Failed { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Delete && request.RequestUri!.AbsolutePath.Contains(OpenIndex.Partition, StringComparison.Ordinal))
            {
                Failed = true;
                return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable));
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Runs a write of its own just before each entity-group transaction reaches Azurite, until stopped.</summary>
    private sealed class BeforeBatch(Func<Task> write) : DelegatingHandler(new HttpClientHandler())
    {
        private volatile bool _stopped;

        public void Stop() => _stopped = true;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!_stopped && request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal))
            {
                await write();
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
