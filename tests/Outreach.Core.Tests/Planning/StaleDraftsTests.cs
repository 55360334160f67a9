using Outreach.Core.Messaging.Templates;
using Outreach.Core.Planning;
using static Outreach.Core.Tests.Planning.Given;

namespace Outreach.Core.Tests.Planning;

/// <summary>An edit of what a planned draft is rendered from makes the next dispatcher run measure and score it again.</summary>
public sealed class StaleDraftsTests
{
    private static readonly MessageStats OldCounts = new(WordCount: 80, QuestionCount: 1, PersonalNoteChars: 40);

    private readonly InMemoryTaskStore _tasks = new();
    private readonly InMemoryDueIndex _index = new();
    private readonly Testing.Time.ManualTimeProvider _clock = ClockAt("2026-03-04T10:00Z");

    [Fact]
    public async Task A_scored_draft_loses_its_counts_and_scored_for_time_keeps_its_score_and_is_due_again_now()
    {
        var scored = await AddAsync("t1", TaskState.Planned, scored: true);

        var marked = await StaleDrafts.ScoreAgainAsync(_tasks, _index, [scored], _clock, CancellationToken.None);

        Assert.Equal(1, marked);
        var stored = (await _tasks.FindAsync("student-1", "t1", CancellationToken.None))!;
        Assert.Equal((null, null, 0.12), (stored.MessageStats, stored.ScoredForUtc, stored.Score!.Value));
        var entry = Assert.Single(await _index.ReadBucketAsync(DueBuckets.KeyOf(_clock.GetUtcNow()), CancellationToken.None));
        Assert.Equal("t1", entry.TaskId);
    }

    [Fact]
    public async Task A_task_that_ended_or_was_never_scored_is_left_alone()
    {
        var sent = await AddAsync("t1", TaskState.Sent, scored: true);
        var unscored = await AddAsync("t2", TaskState.Planned, scored: false);

        var marked = await StaleDrafts.ScoreAgainAsync(_tasks, _index, [sent, unscored], _clock, CancellationToken.None);

        Assert.Equal(0, marked);
        Assert.Equal(OldCounts, (await _tasks.FindAsync("student-1", "t1", CancellationToken.None))!.MessageStats);
        Assert.Equal(0, _index.Count);
    }

    [Fact]
    public async Task A_draft_the_dispatcher_scored_again_after_it_was_read_is_read_again_and_marked()
    {
        var read = await AddAsync("t1", TaskState.Planned, scored: true);
        Assert.NotNull(await _tasks.TryReplaceAsync(read with { Score = 0.2 }, CancellationToken.None));

        var marked = await StaleDrafts.ScoreAgainAsync(_tasks, _index, [read], _clock, CancellationToken.None);

        Assert.Equal(1, marked);
        var stored = (await _tasks.FindAsync("student-1", "t1", CancellationToken.None))!;
        Assert.Equal((null, null, 0.2), (stored.MessageStats, stored.ScoredForUtc, stored.Score!.Value));
    }

    private async Task<OutreachTask> AddAsync(string id, TaskState state, bool scored)
    {
        var task = new OutreachTask
        {
            TaskId = id,
            OwnerId = "student-1",
            ContactId = "c1",
            CampaignId = "class-visit",
            StepId = "thank-you",
            Template = TemplateKind.ThankYou,
            Channel = TaskChannel.LinkedIn,
            DueUtc = Utc("2026-03-04T09:00Z"),
            State = state,
            Score = scored ? 0.12 : null,
            ScoreModelId = scored ? "m1" : null,
            ScoredForUtc = scored ? Utc("2026-03-04T09:00Z") : null,
            MessageStats = scored ? OldCounts : null,
        };
        Assert.True(await _tasks.TryAddAsync(task, CancellationToken.None));
        return (await _tasks.FindAsync("student-1", id, CancellationToken.None))!;
    }
}
