using Outreach.Core.Outcomes;
using Outreach.Testing.Time;

namespace Outreach.Core.Tests.Outcomes;

public sealed class OutcomeLabelerTests
{
    private static readonly DateTimeOffset SentAt = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WindowEnd = SentAt.AddDays(14);

    [Fact]
    public void A_reply_one_tick_before_the_window_ends_is_positive()
    {
        var label = Labeler(now: WindowEnd.AddDays(30)).Label(SentAt, [Of(OutcomeType.Replied, WindowEnd.AddTicks(-1))]);

        Assert.Equal(new TrainingLabel(LabelStatus.Positive), label);
        Assert.Equal(1, label.Value);
    }

    [Fact]
    public void A_reply_at_exactly_the_window_end_is_too_late()
    {
        var label = Labeler(now: WindowEnd).Label(SentAt, [Of(OutcomeType.Replied, WindowEnd)]);

        Assert.Equal(LabelStatus.Negative, label.Status);
        Assert.Equal(0, label.Value);
    }

    [Fact]
    public void Without_a_reply_the_window_is_pending_until_its_last_tick_and_negative_from_its_end()
    {
        Assert.Equal(new TrainingLabel(LabelStatus.Pending), Labeler(now: WindowEnd.AddTicks(-1)).Label(SentAt, []));
        Assert.Null(Labeler(now: WindowEnd.AddTicks(-1)).Label(SentAt, []).Value);
        Assert.Equal(new TrainingLabel(LabelStatus.Negative), Labeler(now: WindowEnd).Label(SentAt, []));
    }

    [Fact]
    public void A_reply_while_the_window_is_open_is_positive_at_once()
    {
        Assert.Equal(LabelStatus.Positive, Labeler(now: SentAt.AddHours(3)).Label(SentAt, [Of(OutcomeType.Replied, SentAt.AddHours(2))]).Status);
    }

    [Theory]
    [InlineData(OutcomeType.MeetingBooked)]
    [InlineData(OutcomeType.IntroAccepted)]
    [InlineData(OutcomeType.IntroDeclined)]
    public void Any_human_response_is_positive(OutcomeType type)
    {
        Assert.Equal(LabelStatus.Positive, Labeler(now: WindowEnd).Label(SentAt, [Of(type, SentAt.AddDays(1))]).Status);
    }

    [Theory]
    [InlineData(OutcomeType.AutoReplied)]
    [InlineData(OutcomeType.Unsubscribed)]
    public void Auto_replies_and_unsubscribes_are_not_replies(OutcomeType type)
    {
        Assert.Equal(LabelStatus.Negative, Labeler(now: WindowEnd).Label(SentAt, [Of(type, SentAt.AddDays(1))]).Status);
    }

    [Fact]
    public void A_bounced_send_is_excluded_from_training()
    {
        var label = Labeler(now: WindowEnd).Label(SentAt, [Of(OutcomeType.Bounced, SentAt.AddMinutes(1)) with { BounceSeverity = BounceSeverity.Hard }]);

        Assert.Equal(LabelStatus.Excluded, label.Status);
        Assert.Null(label.Value);
    }

    [Fact]
    public void A_reply_proves_delivery_and_wins_over_a_delay_warning()
    {
        var outcomes = new[] { Of(OutcomeType.Bounced, SentAt.AddMinutes(5)) with { BounceSeverity = BounceSeverity.Soft }, Of(OutcomeType.Replied, SentAt.AddDays(2)) };

        Assert.Equal(LabelStatus.Positive, Labeler(now: WindowEnd).Label(SentAt, outcomes).Status);
    }

    [Fact]
    public void The_window_can_be_changed_and_must_be_positive()
    {
        var sevenDays = new OutcomeLabeler(new ManualTimeProvider(SentAt.AddDays(7)), TimeSpan.FromDays(7));

        Assert.Equal(LabelStatus.Negative, sevenDays.Label(SentAt, []).Status);
        Assert.Equal("window", Assert.Throws<DomainException>(() => new OutcomeLabeler(TimeProvider.System, TimeSpan.Zero)).Target);
    }

    private static OutcomeLabeler Labeler(DateTimeOffset now) => new(new ManualTimeProvider(now));

    private static Outcome Of(OutcomeType type, DateTimeOffset at) => new()
    {
        OwnerId = "owner-sam",
        ContactId = "contact-jane",
        TaskId = "task-thanks",
        Type = type,
        OccurredAt = at,
        Source = OutcomeSource.Inbound,
        DedupeKey = $"k-{type}-{at.UtcTicks}",
    };
}
