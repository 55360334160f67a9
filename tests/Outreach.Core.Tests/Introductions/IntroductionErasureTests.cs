using Outreach.Core.Introductions;

namespace Outreach.Core.Tests.Introductions;

public sealed class IntroductionErasureTests
{
    private static readonly DateTimeOffset Requested = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(IntroductionState.AwaitingConsent, IntroductionState.Cancelled)]
    [InlineData(IntroductionState.Introduced, IntroductionState.Completed)]
    [InlineData(IntroductionState.Nudged, IntroductionState.Completed)]
    [InlineData(IntroductionState.Declined, IntroductionState.Declined)]
    [InlineData(IntroductionState.Completed, IntroductionState.Completed)]
    public void An_open_introduction_is_stopped_and_a_finished_one_keeps_its_state(IntroductionState before, IntroductionState after)
    {
        var erased = IntroductionErasure.Erase(Introduction(before), "c-ada", Now);

        Assert.Equal(after, erased.State);
    }

    [Fact]
    public void The_erased_persons_id_and_the_reason_are_blanked_and_the_other_person_stays()
    {
        var erased = IntroductionErasure.Erase(Introduction(IntroductionState.Introduced), "c-ada", Now);

        Assert.Equal(
            (IntroductionErasure.ErasedContactId, "c-grace", string.Empty, (DateTimeOffset?)Now, (DateTimeOffset?)null),
            (erased.PersonAContactId, erased.PersonBContactId, erased.Reason, erased.ClosedAt, erased.NudgeDueAt));
        Assert.False(IntroductionErasure.Names(erased, "c-ada"));
        Assert.True(IntroductionErasure.Names(erased, "c-grace"));
    }

    [Theory]
    [InlineData(null, IntroductionState.Cancelled)]
    [InlineData(ConsentAnswer.Yes, IntroductionState.Completed)]
    public void A_stalled_request_B_never_answered_is_cancelled_and_one_stalled_after_Bs_yes_is_completed(ConsentAnswer? answer, IntroductionState after)
    {
        var stalled = Introduction(IntroductionState.Stalled) with
        {
            Answer = answer,
            StalledReason = answer is null ? IntroductionStallReasons.ConsentAskFailed : IntroductionStallReasons.EmailFailed,
        };

        var erased = IntroductionErasure.Erase(stalled, "c-ada", Now);

        Assert.Equal((after, (DateTimeOffset?)Now), (erased.State, erased.ClosedAt));
    }

    private static Introduction Introduction(IntroductionState state) => new()
    {
        IntroductionId = "i-1",
        OwnerId = "o-1",
        PersonAContactId = "c-ada",
        PersonBContactId = "c-grace",
        Reason = "Ada Lovelace should meet Grace about compilers",
        ConsentToken = "0123456789abcdef0123",
        State = state,
        RequestedAt = Requested,
        ConsentDeadline = Requested.AddDays(7),
        NudgeDueAt = state == IntroductionState.Introduced ? Requested.AddDays(10) : null,
        ClosedAt = state is IntroductionState.Declined or IntroductionState.Completed ? Requested.AddHours(1) : null,
    };
}
