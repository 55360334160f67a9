using Outreach.Core.Introductions;
using Outreach.Testing.Time;
using static Outreach.Core.Tests.Planning.Given;

namespace Outreach.Core.Tests.Introductions;

public sealed class IntroductionWorkflowTests
{
    private const string Token = "b-consent-token-0123456789";

    private readonly ManualTimeProvider _clock = ClockAt("2026-03-09T10:00Z");

    private IntroductionWorkflow Workflow => new(_clock);

    private Introduction Requested() =>
        Workflow.Request("intro-1", "student-1", "contact-a", "contact-b", "Both work on accessible maps.", Token).Introduction;

    /// <summary>Drives a fresh introduction into <paramref name="state"/> the ordinary way.</summary>
    private Introduction In(IntroductionState state)
    {
        var intro = Requested();
        switch (state)
        {
            case IntroductionState.AwaitingConsent:
                return intro;
            case IntroductionState.Declined:
                return Workflow.RecordAnswer(intro, ConsentAnswer.No, ConsentResponder.ByToken(Token)).Introduction;
            case IntroductionState.Expired:
                _clock.Advance(TimeSpan.FromDays(7));
                return Workflow.Expire(intro).Introduction;
            case IntroductionState.Cancelled:
                return Workflow.Cancel(intro).Introduction;
        }

        intro = Workflow.RecordAnswer(intro, ConsentAnswer.Yes, ConsentResponder.ByToken(Token)).Introduction;
        switch (state)
        {
            case IntroductionState.Introduced:
                return intro;
            case IntroductionState.Nudged:
                _clock.Advance(TimeSpan.FromDays(7));
                return Workflow.Nudge(intro).Introduction;
            case IntroductionState.Stalled:
                _clock.Advance(TimeSpan.FromDays(7));
                return Workflow.Stall(intro, IntroductionStallReasons.EmailFailed).Introduction;
            default:
                return Workflow.RecordFollowUp(intro).Introduction;
        }
    }

    private IntroductionTransition Apply(string action, Introduction intro) => action switch
    {
        "yes" => Workflow.RecordAnswer(intro, ConsentAnswer.Yes, ConsentResponder.ByToken(Token)),
        "no" => Workflow.RecordAnswer(intro, ConsentAnswer.No, ConsentResponder.ByToken(Token)),
        "expire" => Workflow.Expire(intro),
        "nudge" => Workflow.Nudge(intro),
        "follow-up" => Workflow.RecordFollowUp(intro),
        "close" => Workflow.Close(intro),
        "cancel" => Workflow.Cancel(intro),
        "stall" => Workflow.Stall(intro, IntroductionStallReasons.EmailFailed),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>
    /// Every (state, event) pair, applied at once and again 30 days later. An expected value naming a state is a move
    /// (or, for the same state, a repeat that changes nothing); one starting with "introduction." is the error code.
    /// </summary>
    public static TheoryData<IntroductionState, string, string, string> Matrix()
    {
        var rows = new (IntroductionState State, string Action, string AtOnce, string Later)[]
        {
            (IntroductionState.AwaitingConsent, "yes", "Introduced", "introduction.consent-expired"),
            (IntroductionState.AwaitingConsent, "no", "Declined", "introduction.consent-expired"),
            (IntroductionState.AwaitingConsent, "expire", "introduction.not-yet-due", "Expired"),
            (IntroductionState.AwaitingConsent, "nudge", "introduction.invalid-transition", "introduction.invalid-transition"),
            (IntroductionState.AwaitingConsent, "follow-up", "introduction.invalid-transition", "introduction.invalid-transition"),
            (IntroductionState.AwaitingConsent, "close", "introduction.invalid-transition", "introduction.invalid-transition"),
            (IntroductionState.AwaitingConsent, "cancel", "Cancelled", "Cancelled"),
            (IntroductionState.AwaitingConsent, "stall", "Stalled", "introduction.invalid-transition"),
            (IntroductionState.Declined, "yes", "introduction.contradicting-answer", "introduction.contradicting-answer"),
            (IntroductionState.Declined, "no", "Declined", "Declined"),
            (IntroductionState.Declined, "expire", "introduction.invalid-transition", "introduction.invalid-transition"),
            (IntroductionState.Declined, "nudge", "introduction.invalid-transition", "introduction.invalid-transition"),
            (IntroductionState.Declined, "follow-up", "introduction.invalid-transition", "introduction.invalid-transition"),
            (IntroductionState.Declined, "close", "introduction.invalid-transition", "introduction.invalid-transition"),
            (IntroductionState.Declined, "cancel", "introduction.invalid-transition", "introduction.invalid-transition"),
            (IntroductionState.Declined, "stall", "introduction.invalid-transition", "introduction.invalid-transition"),
            (IntroductionState.Expired, "yes", "introduction.consent-expired", "introduction.consent-expired"),
            (IntroductionState.Expired, "no", "introduction.consent-expired", "introduction.consent-expired"),
            (IntroductionState.Expired, "expire", "Expired", "Expired"),
            (IntroductionState.Expired, "nudge", "introduction.invalid-transition", "introduction.invalid-transition"),
            (IntroductionState.Expired, "follow-up", "introduction.invalid-transition", "introduction.invalid-transition"),
            (IntroductionState.Expired, "close", "introduction.invalid-transition", "introduction.invalid-transition"),
            (IntroductionState.Expired, "cancel", "introduction.invalid-transition", "introduction.invalid-transition"),
            (IntroductionState.Expired, "stall", "introduction.invalid-transition", "introduction.invalid-transition"),
            (IntroductionState.Introduced, "yes", "Introduced", "Introduced"),
            (IntroductionState.Introduced, "no", "introduction.contradicting-answer", "introduction.contradicting-answer"),
            (IntroductionState.Introduced, "expire", "introduction.invalid-transition", "introduction.invalid-transition"),
            (IntroductionState.Introduced, "nudge", "introduction.not-yet-due", "Nudged"),
            (IntroductionState.Introduced, "follow-up", "Completed", "Completed"),
            (IntroductionState.Introduced, "close", "Completed", "Completed"),
            (IntroductionState.Introduced, "cancel", "introduction.invalid-transition", "introduction.invalid-transition"),
            (IntroductionState.Introduced, "stall", "introduction.not-yet-due", "Stalled"),
            (IntroductionState.Nudged, "yes", "Nudged", "Nudged"),
            (IntroductionState.Nudged, "no", "introduction.contradicting-answer", "introduction.contradicting-answer"),
            (IntroductionState.Nudged, "expire", "introduction.invalid-transition", "introduction.invalid-transition"),
            (IntroductionState.Nudged, "nudge", "Nudged", "Nudged"),
            (IntroductionState.Nudged, "follow-up", "Completed", "Completed"),
            (IntroductionState.Nudged, "close", "Completed", "Completed"),
            (IntroductionState.Nudged, "cancel", "introduction.invalid-transition", "introduction.invalid-transition"),
            (IntroductionState.Nudged, "stall", "introduction.invalid-transition", "introduction.invalid-transition"),
            (IntroductionState.Completed, "yes", "Completed", "Completed"),
            (IntroductionState.Completed, "no", "introduction.contradicting-answer", "introduction.contradicting-answer"),
            (IntroductionState.Completed, "expire", "introduction.invalid-transition", "introduction.invalid-transition"),
            (IntroductionState.Completed, "nudge", "introduction.invalid-transition", "introduction.invalid-transition"),
            (IntroductionState.Completed, "follow-up", "Completed", "Completed"),
            (IntroductionState.Completed, "close", "Completed", "Completed"),
            (IntroductionState.Completed, "cancel", "introduction.invalid-transition", "introduction.invalid-transition"),
            (IntroductionState.Completed, "stall", "introduction.invalid-transition", "introduction.invalid-transition"),
            (IntroductionState.Cancelled, "yes", "introduction.invalid-transition", "introduction.invalid-transition"),
            (IntroductionState.Cancelled, "no", "introduction.invalid-transition", "introduction.invalid-transition"),
            (IntroductionState.Cancelled, "expire", "introduction.invalid-transition", "introduction.invalid-transition"),
            (IntroductionState.Cancelled, "nudge", "introduction.invalid-transition", "introduction.invalid-transition"),
            (IntroductionState.Cancelled, "follow-up", "introduction.invalid-transition", "introduction.invalid-transition"),
            (IntroductionState.Cancelled, "close", "introduction.invalid-transition", "introduction.invalid-transition"),
            (IntroductionState.Cancelled, "cancel", "Cancelled", "Cancelled"),
            (IntroductionState.Cancelled, "stall", "introduction.invalid-transition", "introduction.invalid-transition"),
            (IntroductionState.Stalled, "yes", "Stalled", "Stalled"),
            (IntroductionState.Stalled, "no", "introduction.contradicting-answer", "introduction.contradicting-answer"),
            (IntroductionState.Stalled, "expire", "introduction.invalid-transition", "introduction.invalid-transition"),
            (IntroductionState.Stalled, "nudge", "introduction.invalid-transition", "introduction.invalid-transition"),
            (IntroductionState.Stalled, "follow-up", "Completed", "Completed"),
            (IntroductionState.Stalled, "close", "Completed", "Completed"),
            (IntroductionState.Stalled, "cancel", "introduction.invalid-transition", "introduction.invalid-transition"),
            (IntroductionState.Stalled, "stall", "Stalled", "Stalled"),
        };
        var data = new TheoryData<IntroductionState, string, string, string>();
        foreach (var row in rows)
        {
            data.Add(row.State, row.Action, "at once", row.AtOnce);
            data.Add(row.State, row.Action, "30 days later", row.Later);
        }

        return data;
    }

    [Fact]
    public void The_matrix_covers_every_state_and_event()
    {
        var covered = Matrix().Select(r => ((IntroductionState)r[0], (string)r[1])).Distinct().Count();

        Assert.Equal(Enum.GetValues<IntroductionState>().Length * 8, covered);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Every_event_in_every_state_moves_repeats_or_is_rejected(IntroductionState state, string action, string when, string expected)
    {
        var intro = In(state);
        if (when == "30 days later")
        {
            _clock.Advance(TimeSpan.FromDays(30));
        }

        if (expected.StartsWith("introduction.", StringComparison.Ordinal))
        {
            var error = Assert.Throws<DomainException>(() => Apply(action, intro));
            Assert.Equal(expected, error.Code);
            Assert.Contains("intro-1", error.Message, StringComparison.Ordinal);
            return;
        }

        var result = Apply(action, intro);
        Assert.Equal(Enum.Parse<IntroductionState>(expected), result.Introduction.State);
        Assert.Equal(result.Introduction.State == state, result.IsRepeat);
        if (result.IsRepeat)
        {
            Assert.Same(intro, result.Introduction);
            Assert.Empty(result.Commands);
        }
    }

    [Fact]
    public void A_request_asks_B_for_consent_with_a_seven_day_deadline()
    {
        var result = Workflow.Request("intro-1", "student-1", "contact-a", "contact-b", "  Both work on accessible maps. ", Token);

        Assert.Equal(IntroductionState.AwaitingConsent, result.Introduction.State);
        Assert.Equal("Both work on accessible maps.", result.Introduction.Reason);
        Assert.Equal(Utc("2026-03-16T10:00Z"), result.Introduction.ConsentDeadline);
        Assert.Equal([new SendConsentAsk("intro-1", "contact-b")], result.Commands);
    }

    [Theory]
    [InlineData("yes", "link", "consent-link")]
    [InlineData("no", "link", "consent-link")]
    [InlineData("yes", "owner", "student-1")]
    [InlineData("no", "owner", "student-1")]
    public void An_answer_keeps_who_recorded_it_B_through_the_link_or_the_introducer(string answer, string responder, string recordedBy)
    {
        var by = responder == "link" ? ConsentResponder.ByToken(Token) : ConsentResponder.ByOwner("student-1");

        var answered = Workflow.RecordAnswer(Requested(), answer == "yes" ? ConsentAnswer.Yes : ConsentAnswer.No, by).Introduction;

        Assert.Equal((recordedBy, _clock.GetUtcNow()), (answered.AnswerRecordedBy, answered.AnsweredAt));
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("no")]
    public void An_answer_through_the_link_keeps_the_receipt_of_the_page_it_was_posted_from_so_only_that_page_matches_it(string answer)
    {
        var receipt = ConsentReceipts.New();

        var answered = Workflow.RecordAnswer(Requested(), answer == "yes" ? ConsentAnswer.Yes : ConsentAnswer.No, ConsentResponder.ByToken(Token, receipt)).Introduction;

        Assert.Equal(receipt, answered.AnswerReceipt);
        Assert.True(ConsentReceipts.Matches(answered, receipt));
        Assert.False(ConsentReceipts.Matches(answered, ConsentReceipts.New()));
        Assert.False(ConsentReceipts.Matches(answered, null));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-receipt")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("0123456789abcdef0123456789abcdef0")]
    public void A_missing_or_malformed_receipt_is_not_kept_and_an_answer_without_one_matches_no_later_post(string? posted)
    {
        var answered = Workflow.RecordAnswer(Requested(), ConsentAnswer.Yes, ConsentResponder.ByToken(Token, posted)).Introduction;
        var byOwner = Workflow.RecordAnswer(Requested(), ConsentAnswer.Yes, ConsentResponder.ByOwner("student-1")).Introduction;

        Assert.Equal((null, null), (answered.AnswerReceipt, byOwner.AnswerReceipt));
        Assert.False(ConsentReceipts.Matches(answered, posted));
        Assert.False(ConsentReceipts.Matches(byOwner, posted));
    }

    [Fact]
    public void The_consent_window_and_nudge_delay_are_configurable()
    {
        var workflow = new IntroductionWorkflow(_clock, new IntroductionPolicy { ConsentWindow = TimeSpan.FromDays(3), NudgeAfter = TimeSpan.FromDays(10) });

        var intro = workflow.Request("intro-1", "student-1", "contact-a", "contact-b", "Maps.", Token).Introduction;
        _clock.Advance(TimeSpan.FromDays(1));
        var introduced = workflow.RecordAnswer(intro, ConsentAnswer.Yes, ConsentResponder.ByOwner("student-1")).Introduction;

        Assert.Equal(Utc("2026-03-12T10:00Z"), intro.ConsentDeadline);
        Assert.Equal(Utc("2026-03-20T10:00Z"), introduced.NudgeDueAt);
    }

    [Fact]
    public void B_saying_yes_introduces_A_and_B_in_one_email_with_the_introducer_in_copy()
    {
        _clock.Advance(TimeSpan.FromDays(2));

        var result = Workflow.RecordAnswer(Requested(), ConsentAnswer.Yes, ConsentResponder.ByToken(Token));

        Assert.Equal(IntroductionState.Introduced, result.Introduction.State);
        Assert.Equal((ConsentAnswer.Yes, Utc("2026-03-11T10:00Z"), Utc("2026-03-18T10:00Z")), (result.Introduction.Answer!.Value, result.Introduction.AnsweredAt!.Value, result.Introduction.NudgeDueAt!.Value));
        var send = Assert.IsType<SendIntroduction>(Assert.Single(result.Commands));
        Assert.Equal(["contact-a", "contact-b"], send.ToContactIds);
        Assert.Equal("student-1", send.CcOwnerId);
    }

    [Fact]
    public void B_saying_no_declines_without_telling_A()
    {
        var result = Workflow.RecordAnswer(Requested(), ConsentAnswer.No, ConsentResponder.ByToken(Token));

        Assert.Equal((IntroductionState.Declined, Utc("2026-03-09T10:00Z")), (result.Introduction.State, result.Introduction.ClosedAt!.Value));
        Assert.Empty(result.Commands);
    }

    [Fact]
    public void An_answer_one_tick_before_the_deadline_counts_and_one_at_the_deadline_has_expired()
    {
        var intro = Requested();
        _clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromTicks(1));
        var inTime = Workflow.RecordAnswer(intro, ConsentAnswer.Yes, ConsentResponder.ByToken(Token));
        _clock.Advance(TimeSpan.FromTicks(1));

        Assert.Equal(IntroductionState.Introduced, inTime.Introduction.State);
        Assert.Equal("introduction.consent-expired", Assert.Throws<DomainException>(() => Workflow.RecordAnswer(intro, ConsentAnswer.Yes, ConsentResponder.ByToken(Token))).Code);
    }

    [Fact]
    public void Nobody_following_up_within_the_nudge_delay_nudges_A_only()
    {
        var introduced = In(IntroductionState.Introduced);
        _clock.Advance(TimeSpan.FromDays(7));

        var result = Workflow.Nudge(introduced);

        Assert.Equal((IntroductionState.Nudged, Utc("2026-03-16T10:00Z")), (result.Introduction.State, result.Introduction.NudgedAt!.Value));
        Assert.Equal([new SendNudge("intro-1", "contact-a")], result.Commands);
    }

    [Fact]
    public void An_introduction_email_sent_late_moves_the_nudge_to_the_delay_after_the_send_and_nudges_A_then()
    {
        var introduced = In(IntroductionState.Introduced); // yes at 2026-03-09T10:00Z, the email went out two days later
        _clock.Advance(TimeSpan.FromDays(7));

        var moved = Workflow.NudgeAfterEmail(introduced, Utc("2026-03-11T09:00Z"));
        _clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromHours(1));
        var nudged = Workflow.NudgeAfterEmail(moved.Introduction, Utc("2026-03-11T09:00Z"));

        Assert.Equal((IntroductionState.Introduced, Utc("2026-03-18T09:00Z")), (moved.Introduction.State, moved.Introduction.NudgeDueAt!.Value));
        Assert.Empty(moved.Commands);
        Assert.False(moved.IsRepeat);
        Assert.Equal((IntroductionState.Nudged, Utc("2026-03-18T09:00Z")), (nudged.Introduction.State, nudged.Introduction.NudgedAt!.Value));
        Assert.Equal([new SendNudge("intro-1", "contact-a")], nudged.Commands);
    }

    [Fact]
    public void An_introduction_whose_email_never_went_out_stalls_with_the_reason_instead_of_nudging_A()
    {
        var introduced = In(IntroductionState.Introduced);
        _clock.Advance(TimeSpan.FromDays(7));

        var stalled = Workflow.Stall(introduced, "introduction-email-skipped: suppressed");

        Assert.Equal(IntroductionState.Stalled, stalled.Introduction.State);
        Assert.Equal("introduction-email-skipped: suppressed", stalled.Introduction.StalledReason);
        Assert.Empty(stalled.Commands);
        Assert.Null(stalled.Introduction.NudgedAt);
        Assert.Equal("stalled", IntroductionStates.NameOf(stalled.Introduction.State));
    }

    [Fact]
    public void A_request_stalled_because_its_consent_ask_never_reached_B_may_still_be_answered_or_cancelled_but_not_closed()
    {
        var stalled = Workflow.Stall(Requested(), "consent-ask-skipped: suppressed").Introduction;

        var yes = Workflow.RecordAnswer(stalled, ConsentAnswer.Yes, ConsentResponder.ByOwner("student-1")).Introduction;
        var no = Workflow.RecordAnswer(stalled, ConsentAnswer.No, ConsentResponder.ByOwner("student-1")).Introduction;
        var cancelled = Workflow.Cancel(stalled).Introduction;

        Assert.Equal((IntroductionState.Stalled, "consent-ask-skipped: suppressed"), (stalled.State, stalled.StalledReason));
        Assert.Equal((IntroductionState.Introduced, null), (yes.State, yes.StalledReason));
        Assert.Equal((IntroductionState.Declined, null), (no.State, no.StalledReason));
        Assert.Equal(IntroductionState.Cancelled, cancelled.State);
        Assert.Equal("introduction.invalid-transition", Assert.Throws<DomainException>(() => Workflow.Close(stalled)).Code);
        Assert.Equal("introduction.invalid-transition", Assert.Throws<DomainException>(() => Workflow.RecordFollowUp(stalled)).Code);
        _clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal("introduction.consent-expired", Assert.Throws<DomainException>(
            () => Workflow.RecordAnswer(stalled, ConsentAnswer.Yes, ConsentResponder.ByOwner("student-1"))).Code);
    }

    [Fact]
    public void A_request_stalled_before_B_answered_expires_at_its_deadline_and_then_refuses_every_answer()
    {
        var stalled = Workflow.Stall(Requested(), "consent-ask-failed").Introduction;
        var early = Assert.Throws<DomainException>(() => Workflow.Expire(stalled));
        _clock.Advance(TimeSpan.FromDays(7));

        var expired = Workflow.Expire(stalled);

        Assert.Equal("introduction.not-yet-due", early.Code);
        Assert.Equal((IntroductionState.Expired, _clock.GetUtcNow(), null), (expired.Introduction.State, expired.Introduction.ClosedAt, expired.Introduction.StalledReason));
        Assert.Empty(expired.Commands);
        Assert.True(Workflow.Expire(expired.Introduction).IsRepeat);
        Assert.Equal("introduction.consent-expired", Assert.Throws<DomainException>(
            () => Workflow.RecordAnswer(expired.Introduction, ConsentAnswer.Yes, ConsentResponder.ByOwner("student-1"))).Code);
        Assert.Equal("introduction.invalid-transition", Assert.Throws<DomainException>(() => Workflow.Cancel(expired.Introduction)).Code);
    }

    [Fact]
    public void A_follow_up_completes_the_introduction_as_followed_up_and_closing_does_not()
    {
        var followedUp = Workflow.RecordFollowUp(In(IntroductionState.Introduced)).Introduction;
        var closed = Workflow.Close(In(IntroductionState.Introduced)).Introduction;

        Assert.Equal((IntroductionState.Completed, true), (followedUp.State, followedUp.FollowedUp));
        Assert.Equal((IntroductionState.Completed, false), (closed.State, closed.FollowedUp));
    }

    [Theory]
    [InlineData("wrong-token-0123456789")]
    [InlineData("b-consent-token-012345678")]
    [InlineData("")]
    public void Only_the_consent_token_lets_B_answer(string token)
    {
        var error = Assert.Throws<DomainException>(() => Workflow.RecordAnswer(Requested(), ConsentAnswer.Yes, ConsentResponder.ByToken(token)));

        Assert.Equal(("introduction.not-allowed", "responder"), (error.Code, error.Target));
    }

    [Theory]
    [InlineData("contact-a")]
    [InlineData("student-2")]
    public void Nobody_but_the_introducer_may_record_an_answer_for_B(string who)
    {
        var error = Assert.Throws<DomainException>(() => Workflow.RecordAnswer(Requested(), ConsentAnswer.Yes, ConsentResponder.ByOwner(who)));

        Assert.Equal("introduction.not-allowed", error.Code);
    }

    [Fact]
    public void The_introducer_may_record_Bs_answer()
    {
        var result = Workflow.RecordAnswer(Requested(), ConsentAnswer.No, ConsentResponder.ByOwner("student-1"));

        Assert.Equal(IntroductionState.Declined, result.Introduction.State);
    }

    [Fact]
    public void An_unauthorised_answer_is_rejected_even_after_a_final_state_so_it_learns_nothing()
    {
        var error = Assert.Throws<DomainException>(() => Workflow.RecordAnswer(In(IntroductionState.Declined), ConsentAnswer.Yes, ConsentResponder.ByToken("guess-guess-guess-1")));

        Assert.Equal("introduction.not-allowed", error.Code);
    }

    [Theory]
    [InlineData("", "student-1", "contact-a", "contact-b", "Maps.", Token, "introductionId")]
    [InlineData("intro-1", " ", "contact-a", "contact-b", "Maps.", Token, "ownerId")]
    [InlineData("intro-1", "student-1", "", "contact-b", "Maps.", Token, "personAContactId")]
    [InlineData("intro-1", "student-1", "contact-a", "", "Maps.", Token, "personBContactId")]
    [InlineData("intro-1", "student-1", "contact-a", "contact-a", "Maps.", Token, "personBContactId")]
    [InlineData("intro-1", "student-1", "contact-a", "contact-b", "  ", Token, "reason")]
    [InlineData("intro-1", "student-1", "contact-a", "contact-b", "Maps.", "short", "consentToken")]
    public void A_bad_request_is_rejected_naming_the_field(string id, string owner, string a, string b, string reason, string token, string target)
    {
        var error = Assert.Throws<DomainException>(() => Workflow.Request(id, owner, a, b, reason, token));

        Assert.Equal(("introduction.invalid", target), (error.Code, error.Target));
    }

    [Fact]
    public void Printing_an_introduction_or_a_responder_never_shows_the_consent_token()
    {
        Assert.Equal("Introduction intro-1 (AwaitingConsent)", Requested().ToString());
        Assert.Equal("consent link", ConsentResponder.ByToken(Token).ToString());
    }

    [Fact]
    public void A_non_positive_delay_in_the_policy_is_rejected_naming_it()
    {
        var error = Assert.Throws<DomainException>(() => new IntroductionWorkflow(_clock, new IntroductionPolicy { NudgeAfter = TimeSpan.Zero }));

        Assert.Equal("nudgeAfter", error.Target);
    }
}
