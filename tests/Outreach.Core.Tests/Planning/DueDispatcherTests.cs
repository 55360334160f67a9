using Outreach.Core.Campaigns;
using Outreach.Core.Planning;
using Outreach.Core.Senders;
using Outreach.Testing.Time;

namespace Outreach.Core.Tests.Planning;

/// <summary>The dispatcher's own decisions over the in-memory stores (the table path is covered by the DispatchDue tests).</summary>
public sealed class DueDispatcherTests
{
    private readonly ManualTimeProvider _clock = Given.ClockAt("2026-03-03T12:00:00Z");
    private readonly InMemorySenderProfileStore _profiles = new();
    private readonly InMemoryTaskStore _tasks = new();
    private readonly InMemoryDueIndex _index = new();
    private readonly RecordingSink _sent;
    private readonly DueDispatcher _dispatcher;

    public DueDispatcherTests()
    {
        _sent = new RecordingSink(_clock);
        _dispatcher = new DueDispatcher(
            new InMemoryDispatchCursorStore(), _index, _tasks, _tasks, _profiles, new InMemorySenderActivityStore(), new InMemorySuppressionStore(),
            new NeutralTaskScorer(), _sent, _clock);
    }

    [Fact]
    public async Task Two_runs_a_minute_apart_keep_the_minimum_spacing_between_every_queued_send()
    {
        await _profiles.SaveAsync(
            new SenderProfile { OwnerId = "student-1", Email = "me@school.example", TimeZoneId = "Europe/London", MinimumSpacing = TimeSpan.FromMinutes(5) },
            CancellationToken.None);
        await EnrolAsync("a1");
        await EnrolAsync("a2");
        _clock.SetUtcNow(Given.Utc("2026-03-04T09:00:00Z"));
        await _dispatcher.RunAsync(CancellationToken.None); // 09:00 and 09:05, neither sent yet

        // A contact added a minute later is due at once; the next run must not slot it between the two waiting sends.
        _clock.SetUtcNow(Given.Utc("2026-03-04T09:01:00Z"));
        var late = (await EnrolAsync("b1")).Single();
        await _dispatcher.RunAsync(CancellationToken.None);

        Assert.Equal(
            [Given.Utc("2026-03-04T09:00:00Z"), Given.Utc("2026-03-04T09:05:00Z"), Given.Utc("2026-03-04T09:10:00Z")],
            _sent.SendTimes.Order());
        Assert.Equal(late, _sent.Requests[^1].TaskId);
    }

    [Fact]
    public async Task A_run_after_another_counts_the_sends_still_waiting_in_the_queue_against_the_daily_cap()
    {
        await _profiles.SaveAsync(
            new SenderProfile { OwnerId = "student-1", Email = "me@school.example", TimeZoneId = "Europe/London", DailyCap = 2, MinimumSpacing = TimeSpan.FromMinutes(5) },
            CancellationToken.None);
        await EnrolAsync("a1");
        await EnrolAsync("a2");
        _clock.SetUtcNow(Given.Utc("2026-03-04T09:00:00Z"));
        await _dispatcher.RunAsync(CancellationToken.None); // the whole cap queued, nothing sent yet

        _clock.SetUtcNow(Given.Utc("2026-03-04T09:01:00Z"));
        var late = (await EnrolAsync("b1")).Single();
        var report = await _dispatcher.RunAsync(CancellationToken.None);

        Assert.Equal((0, 1), (report.Enqueued, report.Deferred));
        Assert.Equal(2, _sent.Requests.Count);
        Assert.Equal((TaskState.Planned, Given.Utc("2026-03-05T08:00:00Z")), await StateAndDueAsync(late)); // the next day's opening
    }

    [Fact]
    public async Task Tasks_of_an_owner_without_a_profile_wait_an_hour_untouched_and_go_once_a_profile_exists()
    {
        var taskId = (await EnrolAsync("c1")).Single();
        _clock.SetUtcNow(Given.Utc("2026-03-04T09:00:00Z"));

        var report = await _dispatcher.RunAsync(CancellationToken.None);

        Assert.Equal(["student-1"], report.OwnersWithoutSchedule);
        Assert.Empty(_sent.Requests);
        Assert.Equal((TaskState.Planned, Given.Utc("2026-03-04T09:00:00Z")), await StateAndDueAsync(taskId));
        var retry = Assert.Single(await _index.ReadBucketAsync(DueBuckets.KeyOf(Given.Utc("2026-03-04T10:00:00Z")), CancellationToken.None));
        Assert.Equal((taskId, Given.Utc("2026-03-04T10:00:00Z")), (retry.TaskId, retry.DueUtc));
        Assert.Equal(1, _index.Count);

        await _profiles.SaveAsync(new SenderProfile { OwnerId = "student-1", Email = "me@school.example", TimeZoneId = "Europe/London" }, CancellationToken.None);
        _clock.SetUtcNow(Given.Utc("2026-03-04T10:00:00Z"));
        await _dispatcher.RunAsync(CancellationToken.None);

        Assert.Equal([new SendRequest("student-1", taskId)], _sent.Requests);
        await AssertOnlyWatchedAsync(taskId, Given.Utc("2026-03-04T11:00:00Z"));
    }

    [Fact]
    public async Task A_task_left_queued_with_its_entry_by_an_interrupted_run_is_enqueued_again()
    {
        await _profiles.SaveAsync(new SenderProfile { OwnerId = "student-1", Email = "me@school.example", TimeZoneId = "Europe/London" }, CancellationToken.None);
        var taskId = (await EnrolAsync("c1")).Single();
        var planned = await _tasks.FindAsync("student-1", taskId, CancellationToken.None);
        await _tasks.TryReplaceAsync(planned!.MoveTo(TaskState.Queued), CancellationToken.None); // the run stopped right after this write
        _clock.SetUtcNow(Given.Utc("2026-03-04T09:00:00Z"));

        var report = await _dispatcher.RunAsync(CancellationToken.None);

        Assert.Equal(1, report.Enqueued);
        Assert.Equal([new SendRequest("student-1", taskId)], _sent.Requests);
        Assert.Equal(TaskState.Queued, (await StateAndDueAsync(taskId)).State);
        await AssertOnlyWatchedAsync(taskId, Given.Utc("2026-03-04T10:00:00Z"));
    }

    [Fact]
    public async Task A_due_linkedin_draft_stays_planned_for_the_owner_and_is_not_enqueued()
    {
        await _profiles.SaveAsync(new SenderProfile { OwnerId = "student-1", Email = "me@school.example", TimeZoneId = "Europe/London" }, CancellationToken.None);
        var taskId = (await EnrolAsync("c1", withEmail: false)).Single();
        _clock.SetUtcNow(Given.Utc("2026-03-04T09:00:00Z"));

        var report = await _dispatcher.RunAsync(CancellationToken.None);

        Assert.Equal((1, 0), (report.ManualDrafts, report.Enqueued));
        Assert.Empty(_sent.Requests);
        Assert.Equal((TaskState.Planned, Given.Utc("2026-03-04T09:00:00Z")), await StateAndDueAsync(taskId));
        Assert.Equal(0, _index.Count);
    }

    [Fact]
    public async Task A_due_linkedin_draft_keeps_the_score_and_explanation_it_was_given_for_the_owners_ranked_list()
    {
        // The to-do view ranks and explains LinkedIn drafts by the score stored on them; no send writes it for them.
        var scorer = new SwitchableScorer { Model = "v1", Scores = new() { ["c1"] = 0.12 } };
        var dispatcher = new DueDispatcher(
            new InMemoryDispatchCursorStore(), _index, _tasks, _tasks, _profiles, new InMemorySenderActivityStore(), new InMemorySuppressionStore(), scorer, _sent, _clock);
        await _profiles.SaveAsync(new SenderProfile { OwnerId = "student-1", Email = "me@school.example", TimeZoneId = "Europe/London" }, CancellationToken.None);
        var taskId = (await EnrolAsync("c1", withEmail: false)).Single();
        _clock.SetUtcNow(Given.Utc("2026-03-04T09:00:00Z"));

        var report = await dispatcher.RunAsync(CancellationToken.None);

        var draft = await _tasks.FindAsync("student-1", taskId, CancellationToken.None);
        Assert.Equal((1, TaskState.Planned), (report.ManualDrafts, draft!.State));
        Assert.Equal((0.12, "v1: met 1 days before", "v1"), (draft.Score, draft.ScoreExplanation, draft.ScoreModelId));
        Assert.Equal(0, _index.Count);
    }

    [Fact]
    public async Task An_entry_whose_task_is_gone_is_dropped()
    {
        await _profiles.SaveAsync(new SenderProfile { OwnerId = "student-1", Email = "me@school.example" }, CancellationToken.None);
        await _index.UpsertAsync(new DueIndexEntry(DueBuckets.KeyOf(_clock.GetUtcNow()), "student-1", "erased", _clock.GetUtcNow()), CancellationToken.None);

        var report = await _dispatcher.RunAsync(CancellationToken.None);

        Assert.Equal((1, 0), (report.StaleEntries, report.Enqueued));
        Assert.Equal(0, _index.Count);
    }

    [Fact]
    public async Task After_a_new_model_is_deployed_a_deferred_task_is_ranked_and_explained_by_the_new_model()
    {
        var (dispatcher, scorer, _, b) = await TwoDueContactsCappedAtOneScoredByV1Async();
        _clock.SetUtcNow(Given.Utc("2026-03-04T09:00:00Z"));
        await dispatcher.RunAsync(CancellationToken.None); // cap 1: A goes, B waits for tomorrow with v1's 0.01

        // Overnight model v2 is deployed: it puts B at 0.5 and the new contact C, due the same morning, at 0.05.
        scorer.Model = "v2";
        scorer.Scores = new() { ["b"] = 0.5, ["c"] = 0.05 };
        _clock.SetUtcNow(Given.Utc("2026-03-04T12:00:00Z"));
        await EnrolAsync("c", metOn: Given.Date(2026, 3, 4));
        _clock.SetUtcNow(Given.Utc("2026-03-05T09:00:00Z"));
        await dispatcher.RunAsync(CancellationToken.None);

        Assert.Equal(new SendRequest("student-1", b), _sent.Requests[^1]);
        var task = await _tasks.FindAsync("student-1", b, CancellationToken.None);
        Assert.Equal((0.5, "v2: met 2 days before", "v2"), (task!.Score, task.ScoreExplanation, task.ScoreModelId));
        Assert.Equal(2, scorer.Scored.Count(id => id == b));
    }

    [Fact]
    public async Task A_task_the_cap_defers_to_the_next_day_is_scored_again_once_for_its_new_due_time()
    {
        var (dispatcher, scorer, _, b) = await TwoDueContactsCappedAtOneScoredByV1Async();
        _clock.SetUtcNow(Given.Utc("2026-03-04T09:00:00Z"));
        await dispatcher.RunAsync(CancellationToken.None); // cap 1: A goes, B waits for tomorrow, scored as sent today
        var deferred = await _tasks.FindAsync("student-1", b, CancellationToken.None);
        Assert.Equal(("v1: met 1 days before", Given.Utc("2026-03-04T09:00:00Z")), (deferred!.ScoreExplanation, deferred.ScoredForUtc));
        Assert.Equal(Given.Utc("2026-03-05T08:00:00Z"), deferred.DueUtc); // the window's next opening

        _clock.SetUtcNow(Given.Utc("2026-03-05T09:00:00Z"));
        await dispatcher.RunAsync(CancellationToken.None);

        Assert.Equal(new SendRequest("student-1", b), _sent.Requests[^1]);
        Assert.Equal(2, scorer.Scored.Count(id => id == b));
        var task = await _tasks.FindAsync("student-1", b, CancellationToken.None);
        Assert.Equal(
            (0.01, "v1", "v1: met 2 days before", Given.Utc("2026-03-05T08:00:00Z")),
            (task!.Score, task.ScoreModelId, task.ScoreExplanation, task.ScoredForUtc));
    }

    [Theory]
    [InlineData("2026-03-04T09:00:00Z", "2026-03-04T09:00:00Z", 0)] // due when it was scored
    [InlineData("2026-03-04T09:00:00Z", "2026-03-04T09:40:00Z", 0)] // moved by minutes: same local day and hour
    [InlineData("2026-03-04T09:00:00Z", "2026-03-04T10:00:00Z", 1)] // another send hour
    [InlineData("2026-03-04T09:00:00Z", "2026-03-05T09:00:00Z", 1)] // another day: days since met and weekday moved
    [InlineData(null, "2026-03-04T09:00:00Z", 1)] // stored before the scored-for time was kept
    public async Task A_task_scored_by_the_deployed_model_is_scored_again_only_when_its_due_time_left_the_local_hour_it_was_scored_for(
        string? scoredFor, string due, int scorings)
    {
        var scorer = new SwitchableScorer { Model = "v1", Scores = new() { ["b"] = 0.2 } };
        var dispatcher = new DueDispatcher(
            new InMemoryDispatchCursorStore(), _index, _tasks, _tasks, _profiles, new InMemorySenderActivityStore(), new InMemorySuppressionStore(), scorer, _sent, _clock);
        await _profiles.SaveAsync(new SenderProfile { OwnerId = "student-1", Email = "me@school.example", TimeZoneId = "Europe/London" }, CancellationToken.None);
        var dueUtc = Given.Utc(due);
        var scoredForUtc = scoredFor is null ? (DateTimeOffset?)null : Given.Utc(scoredFor);
        var b = (await EnrolAsync("b", scored: t => t with
        {
            DueUtc = dueUtc, Score = 0.01, ScoreExplanation = "v1: met 1 days before", ScoreModelId = "v1", ScoredForUtc = scoredForUtc,
        })).Single();
        _clock.SetUtcNow(dueUtc);

        await dispatcher.RunAsync(CancellationToken.None);

        Assert.Equal([new SendRequest("student-1", b)], _sent.Requests);
        Assert.Equal(scorings, scorer.Scored.Count);
        var task = await _tasks.FindAsync("student-1", b, CancellationToken.None);
        (double?, string?, DateTimeOffset?) expected = scorings == 0
            ? (0.01, "v1: met 1 days before", scoredForUtc)
            : (0.2, $"v1: met {(dueUtc.Date - new DateTime(2026, 3, 3)).Days} days before", dueUtc);
        Assert.Equal(expected, (task!.Score, task.ScoreExplanation, task.ScoredForUtc));
    }

    [Fact]
    public async Task A_task_stored_with_a_score_but_no_model_id_is_scored_once_more()
    {
        var (dispatcher, scorer, a, b) = await TwoDueContactsCappedAtOneScoredByV1Async();
        foreach (var id in new[] { a, b })
        {
            var stored = await _tasks.FindAsync("student-1", id, CancellationToken.None); // as written before the model id was kept
            await _tasks.TryReplaceAsync(
                stored! with { Score = 0.3, ScoreExplanation = "old model", ScoredForUtc = stored.DueUtc }, CancellationToken.None);
        }

        _clock.SetUtcNow(Given.Utc("2026-03-04T09:00:00Z"));
        await dispatcher.RunAsync(CancellationToken.None);

        Assert.Equal([a], _sent.Requests.Select(r => r.TaskId)); // v1 puts a first; the old tie would have gone by task id, b's first
        Assert.Equal(new[] { a, b }.Order(StringComparer.Ordinal), scorer.Scored.Order(StringComparer.Ordinal));
        var task = await _tasks.FindAsync("student-1", b, CancellationToken.None);
        Assert.Equal((0.01, "v1"), (task!.Score, task.ScoreModelId));
    }

    [Fact]
    public async Task With_no_model_deployed_the_scorer_is_not_asked_and_the_capped_tasks_go_unscored_one_a_day()
    {
        var (dispatcher, scorer, a, b) = await TwoDueContactsCappedAtOneScoredByV1Async();
        scorer.Model = null; // as NeutralTaskScorer: no model yet
        _clock.SetUtcNow(Given.Utc("2026-03-04T09:00:00Z"));
        await dispatcher.RunAsync(CancellationToken.None);
        _clock.SetUtcNow(Given.Utc("2026-03-05T09:00:00Z"));
        await dispatcher.RunAsync(CancellationToken.None);

        Assert.Empty(scorer.Scored);
        Assert.Equal(new[] { a, b }.Order(StringComparer.Ordinal), _sent.Requests.Select(r => r.TaskId).Order(StringComparer.Ordinal));
        Assert.Equal(Given.Utc("2026-03-05T09:00:00Z").Date, _sent.SendTimes[^1].UtcDateTime.Date); // the cap still held one back a day
        foreach (var id in new[] { a, b })
        {
            var task = await _tasks.FindAsync("student-1", id, CancellationToken.None);
            Assert.Equal((null, null), (task!.Score, task.ScoreModelId));
        }
    }

    /// <summary>
    /// A dispatcher of its own scorer, model v1 deployed (contact a at 0.9, b at 0.01), for an owner whose daily cap is
    /// one, and contacts a and b enrolled, their thank-yous due the same morning: b waits a day behind a.
    /// </summary>
    private async Task<(DueDispatcher Dispatcher, SwitchableScorer Scorer, string A, string B)> TwoDueContactsCappedAtOneScoredByV1Async()
    {
        var scorer = new SwitchableScorer { Model = "v1", Scores = new() { ["a"] = 0.9, ["b"] = 0.01 } };
        var dispatcher = new DueDispatcher(
            new InMemoryDispatchCursorStore(), _index, _tasks, _tasks, _profiles, new InMemorySenderActivityStore(), new InMemorySuppressionStore(), scorer, _sent, _clock);
        await _profiles.SaveAsync(new SenderProfile { OwnerId = "student-1", Email = "me@school.example", TimeZoneId = "Europe/London", DailyCap = 1 }, CancellationToken.None);
        var a = (await EnrolAsync("a")).Single();
        var b = (await EnrolAsync("b")).Single();
        return (dispatcher, scorer, a, b);
    }

    /// <summary>
    /// Enrols the contact (met 3 March unless told) and returns only its thank-you task id, removing the later steps'
    /// entries; <paramref name="scored"/> changes the thank-you before it is written (as an earlier run scored it).
    /// </summary>
    private async Task<IReadOnlyList<string>> EnrolAsync(
        string contactId, bool withEmail = true, DateOnly? metOn = null, Func<OutreachTask, OutreachTask>? scored = null)
    {
        var campaign = DefaultCampaigns.ClassVisitFollowUp("student-1");
        var contact = Given.Contact(contactId, metOn ?? Given.Date(2026, 3, 3), withEmail ? contactId + "@example.org" : null);
        var plan = new CampaignPlanner(_clock).Enroll(campaign, [contact], Given.LondonSender, SuppressionList.None);
        var thankYou = plan.Tasks.Where(t => t.StepId == "thank-you").Select(scored ?? (t => t)).ToList();
        await new PlanWriter(_tasks, _index, _clock).WriteAsync(thankYou, CancellationToken.None);
        return [.. thankYou.Select(t => t.TaskId)];
    }

    private async Task<(TaskState State, DateTimeOffset Due)> StateAndDueAsync(string taskId)
    {
        var task = await _tasks.FindAsync("student-1", taskId, CancellationToken.None);
        return (task!.State, task.DueUtc);
    }

    /// <summary>
    /// A scorer whose deployed model can be swapped; the explanation names the model and the days from the task's
    /// meeting to its due day in London, as the response model reads them. Remembers each task it scored.
    /// </summary>
    /// <summary>The due entries are gone; what is left is the task's send watch, at its send time plus the stuck-send limit.</summary>
    private async Task AssertOnlyWatchedAsync(string taskId, DateTimeOffset stuckAt)
    {
        Assert.Equal(1, _index.Count);
        var watch = Assert.Single(await _index.ReadBucketAsync(SendWatch.KeyOf(stuckAt), CancellationToken.None));
        Assert.Equal((taskId, stuckAt), (watch.TaskId, watch.DueUtc));
        var queued = await _tasks.FindAsync("student-1", taskId, CancellationToken.None);
        Assert.Equal(stuckAt - new DueDispatcherOptions().StuckSendAfter, queued!.SendAtUtc);
    }

    private sealed class SwitchableScorer : ITaskScorer
    {
        public string? Model { get; set; } = "v1";

        public Dictionary<string, double> Scores { get; set; } = [];

        public List<string> Scored { get; } = [];

        public Task<string?> CurrentModelIdAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(Model);

        public Task<IReadOnlyList<TaskScore>> ScoreAsync(string ownerId, IReadOnlyList<OutreachTask> tasks, CancellationToken cancellationToken)
        {
            Scored.AddRange(tasks.Select(t => t.TaskId));
            return Task.FromResult<IReadOnlyList<TaskScore>>([.. tasks.Select(t => new TaskScore(t.TaskId, Scores[t.ContactId], $"{Model}: {MetBefore(t)}", Model))]);
        }

        private static string MetBefore(OutreachTask task)
        {
            var dueDay = DateOnly.FromDateTime(ZonedTime.ToLocal(task.DueUtc, Given.London));
            return $"met {dueDay.DayNumber - task.MeetingOn!.Value.DayNumber} days before";
        }
    }

    /// <summary>Remembers each request and when it becomes visible (the clock at enqueue plus its delay).</summary>
    private sealed class RecordingSink(TimeProvider clock) : ISendRequestSink
    {
        public List<SendRequest> Requests { get; } = [];

        public List<DateTimeOffset> SendTimes { get; } = [];

        public Task EnqueueAsync(SendRequest request, TimeSpan delay, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            SendTimes.Add(clock.GetUtcNow() + delay);
            return Task.CompletedTask;
        }
    }
}
