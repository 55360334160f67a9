using Outreach.Core.Outcomes;
using Outreach.Testing.Time;

namespace Outreach.Core.Tests.Outcomes;

public sealed class UnsubscribeOutcomeTests
{
    [Fact]
    public void An_unsubscribe_stops_and_suppresses_and_repeats_share_one_key()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 3, 3, 8, 0, 0, TimeSpan.Zero));
        var target = new ReplyTokenTarget("owner-sam", "contact-jane", "task-thanks");

        var (outcome, actions) = UnsubscribeOutcome.Create(target, " Jane.Doe@Contoso.com", clock);
        clock.Advance(TimeSpan.FromMinutes(5));
        var (again, _) = UnsubscribeOutcome.Create(target with { TaskId = "task-follow" }, null, clock);

        Assert.Equal((OutcomeType.Unsubscribed, OutcomeSource.UnsubscribeLink, clock.GetUtcNow().AddMinutes(-5)), (outcome.Type, outcome.Source, outcome.OccurredAt));
        Assert.Equal(
            [
                new StopPendingSteps("owner-sam", "contact-jane", OutcomeType.Unsubscribed),
                new SuppressAddress("jane.doe@contoso.com", "owner-sam", OutcomeType.Unsubscribed),
            ],
            actions);
        Assert.Equal(outcome.DedupeKey, again.DedupeKey);
        Assert.True(outcome.StopsSequence);
    }
}
