using Outreach.Core.Campaigns;
using Outreach.Core.Introductions;
using Outreach.Core.Planning;
using static Outreach.Core.Tests.Planning.Given;

namespace Outreach.Core.Tests.Introductions;

public sealed class IntroductionStallReasonsTests
{
    private const string Token = "b-consent-token-0123456789";

    [Theory]
    [InlineData(TaskState.Skipped, "introduction-email-skipped: suppressed")]
    [InlineData(TaskState.Failed, "introduction-email-failed")]
    [InlineData(TaskState.Planned, null)]
    [InlineData(TaskState.Queued, null)]
    [InlineData(TaskState.Claimed, null)]
    [InlineData(TaskState.Sent, null)]
    [InlineData(TaskState.Replied, null)]
    public void Only_an_introduction_email_that_was_skipped_or_failed_for_good_stops_the_nudge(TaskState state, string? expected)
    {
        var email = IntroductionEmail() with { State = state, SkipReason = state == TaskState.Skipped ? SkipReasons.Suppressed : null };

        Assert.Equal(expected, IntroductionStallReasons.Of(email));
    }

    [Fact]
    public void A_request_with_no_consent_ask_stored_or_plannable_stalls_because_the_ask_is_missing() =>
        Assert.Equal("consent-ask-missing", IntroductionStallReasons.OfConsentAsk(null));

    [Fact]
    public void An_introduction_with_no_email_stored_stalls_because_the_email_is_missing() =>
        Assert.Equal("introduction-email-missing", IntroductionStallReasons.Of(null));

    [Fact]
    public void An_introduction_email_planned_skipped_because_B_is_suppressed_stalls_the_introduction()
    {
        var clock = ClockAt("2026-03-09T10:00Z");
        var suppressed = new SuppressionList().AddContact("student-1", "contact-b");
        var yes = Yes(clock);

        var email = Assert.Single(new IntroductionTaskPlanner(clock).TasksFor(yes, DefaultCampaigns.PayItForwardIntroduction("student-1"), LondonSender, suppressed));

        Assert.Equal("introduction-email-skipped: suppressed", IntroductionStallReasons.Of(email));
    }

    private static IntroductionTransition Yes(TimeProvider clock)
    {
        var workflow = new IntroductionWorkflow(clock);
        return workflow.RecordAnswer(
            workflow.Request("intro-1", "student-1", "contact-a", "contact-b", "Maps.", Token).Introduction, ConsentAnswer.Yes, ConsentResponder.ByToken(Token));
    }

    private static OutreachTask IntroductionEmail()
    {
        var clock = ClockAt("2026-03-09T10:00Z");
        return new IntroductionTaskPlanner(clock).TasksFor(Yes(clock), DefaultCampaigns.PayItForwardIntroduction("student-1"), LondonSender, SuppressionList.None).Single();
    }
}
