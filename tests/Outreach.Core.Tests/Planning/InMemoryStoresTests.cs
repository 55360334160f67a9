using Outreach.Core.Campaigns;
using Outreach.Core.Planning;
using static Outreach.Core.Tests.Planning.Given;
using Outreach.Core.Messaging.Templates;

namespace Outreach.Core.Tests.Planning;

/// <summary>The in-memory stores keep the contracts the table stores keep (versions, suppressions, activity, cursor).</summary>
public sealed class InMemoryStoresTests
{
    private static OutreachTask Task(string id = "t1") => new()
    {
        TaskId = id,
        OwnerId = "student-1",
        ContactId = "c1",
        CampaignId = "class-visit",
        StepId = "thank-you",
        Template = TemplateKind.ThankYou,
        Channel = TaskChannel.Email,
        DueUtc = Utc("2026-03-09T09:00Z"),
    };

    [Fact]
    public async Task A_stored_task_has_a_version_and_a_move_from_that_version_replaces_it_once()
    {
        var store = new InMemoryTaskStore();
        await store.TryAddAsync(Task(), CancellationToken.None);
        var read = (await store.FindAsync("student-1", "t1", CancellationToken.None))!;

        var queued = await store.TryReplaceAsync(read.MoveTo(TaskState.Queued), CancellationToken.None);
        var stale = await store.TryReplaceAsync(read.MoveTo(TaskState.Skipped, "replied"), CancellationToken.None);

        Assert.Equal("1", read.Version);
        Assert.Equal("2", queued!.Version);
        Assert.Null(stale);
        Assert.Equal(queued, await store.FindAsync("student-1", "t1", CancellationToken.None));
    }

    [Fact]
    public async Task Replacing_a_missing_task_loses_and_a_task_without_version_is_refused()
    {
        var store = new InMemoryTaskStore();

        Assert.Null(await store.TryReplaceAsync(Task() with { Version = "7" }, CancellationToken.None));
        Assert.Equal("task", (await Assert.ThrowsAsync<ArgumentException>(() => store.TryReplaceAsync(Task(), CancellationToken.None))).ParamName);
    }

    [Fact]
    public async Task Loaded_suppressions_match_by_contact_and_by_address_in_any_case()
    {
        var store = new InMemorySuppressionStore();
        var when = Utc("2026-03-09T09:00Z");
        await store.AddAsync(SuppressionEntry.ForContact("owner-1", "c1", "manual", when), CancellationToken.None);
        await store.AddAsync(SuppressionEntry.ForEmail("owner-1", "Ada@Example.org", "unsubscribed", when), CancellationToken.None);
        await store.AddAsync(SuppressionEntry.ForEmail("owner-2", "bob@example.org", "bounced", when), CancellationToken.None);
        Assert.True(await store.RemoveAsync("owner-2", SuppressionEntry.EmailKey("BOB@example.org"), CancellationToken.None));

        var list = await store.LoadListAsync("owner-1", CancellationToken.None);

        Assert.True(list.IsSuppressed("owner-1", "c1", null));
        Assert.True(list.IsSuppressed("owner-1", "c9", "ada@example.org"));
        Assert.Empty(await store.ListAsync("owner-2", CancellationToken.None));
        Assert.Equal("Suppression for owner-1 (email, unsubscribed)", (await store.ListAsync("owner-1", CancellationToken.None))[1].ToString());
    }

    [Fact]
    public void A_suppression_key_of_unknown_kind_is_a_domain_error_naming_the_key()
    {
        var error = Assert.Throws<DomainException>(() => new SuppressionEntry("o", "phone:1", "manual", default).AddTo(new SuppressionList()));

        Assert.Equal(("suppression.bad-key", "key"), (error.Code, error.Target));
    }

    [Theory]
    [InlineData("2026-03-09", 3, "2026-03-09", 4)]
    [InlineData("2026-03-09", 3, "2026-03-10", 1)]
    [InlineData("2026-03-10", 3, "2026-03-09", 3)]
    public void A_send_continues_the_days_count_restarts_it_on_a_later_day_and_never_resets_a_later_day(
        string storedDay, int storedCount, string sendDay, int expectedCount)
    {
        var stored = new SenderActivity(DateOnly.Parse(storedDay, System.Globalization.CultureInfo.InvariantCulture), storedCount, Utc("2026-03-10T12:00Z"));

        var next = SenderActivityCounting.Add(stored, DateOnly.Parse(sendDay, System.Globalization.CultureInfo.InvariantCulture), Utc("2026-03-09T12:00Z"));

        Assert.Equal(expectedCount, next.SentThatDay);
        Assert.Equal(Utc("2026-03-10T12:00Z"), next.LastSentUtc); // the later send stays the last one
    }

    [Fact]
    public async Task The_latest_queued_send_only_moves_later_and_survives_sends_on_a_new_day()
    {
        var activity = new InMemorySenderActivityStore();
        await activity.RecordQueuedAsync("owner-1", Utc("2026-03-09T09:04Z"), CancellationToken.None);
        await activity.RecordQueuedAsync("owner-1", Utc("2026-03-09T09:02Z"), CancellationToken.None);
        await activity.RecordSendAsync("owner-1", Date(2026, 3, 9), Utc("2026-03-09T09:00Z"), CancellationToken.None);

        var stored = await activity.GetAsync("owner-1", CancellationToken.None);

        Assert.Equal((Utc("2026-03-09T09:04Z"), Utc("2026-03-09T09:04Z")), (stored.LatestQueuedUtc, stored.LatestSendOrQueuedUtc));
        Assert.Equal(1, stored.SentThatDay);
    }

    [Fact]
    public async Task Sender_activity_and_the_cursor_start_empty_and_keep_what_was_recorded()
    {
        var activity = new InMemorySenderActivityStore();
        var cursor = new InMemoryDispatchCursorStore();
        var monday = Date(2026, 3, 9);

        Assert.Equal(SenderActivity.None, await activity.GetAsync("owner-1", CancellationToken.None));
        Assert.Null(await cursor.ReadAsync(CancellationToken.None));
        await activity.RecordSendAsync("owner-1", monday, Utc("2026-03-09T09:00Z"), CancellationToken.None);
        await activity.RecordSendAsync("owner-1", monday, Utc("2026-03-09T09:02Z"), CancellationToken.None);
        await cursor.WriteAsync(Utc("2026-03-09T08:55Z"), CancellationToken.None);

        Assert.Equal(new SenderActivity(monday, 2, Utc("2026-03-09T09:02Z")), await activity.GetAsync("owner-1", CancellationToken.None));
        Assert.Equal(Utc("2026-03-09T08:55Z"), await cursor.ReadAsync(CancellationToken.None));
    }
}
