using Outreach.Core.Outcomes;
using Outreach.Core.Tests.Outcomes.Support;
using Outreach.Testing.Time;

namespace Outreach.Core.Tests.Outcomes;

public sealed class ManualOutcomeValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private readonly InMemoryTaskDirectory _tasks = new();
    private readonly ManualOutcomeValidator _validator;

    public ManualOutcomeValidatorTests()
    {
        _tasks.Add("owner-sam", "task-thanks", "contact-jane");
        _validator = new ManualOutcomeValidator(_tasks, new ManualTimeProvider(Now));
    }

    [Fact]
    public async Task A_valid_meeting_becomes_a_manual_outcome()
    {
        var occurredAt = Now.AddHours(-2);

        var outcome = await _validator.ValidateAsync(
            "owner-sam",
            new ManualOutcomeRequest { Type = "meeting_booked", ContactId = "contact-jane", TaskId = "task-thanks", OccurredAt = occurredAt, Note = " Coffee on Friday " },
            CancellationToken.None);

        Assert.Equal(
            new Outcome
            {
                OwnerId = "owner-sam",
                ContactId = "contact-jane",
                TaskId = "task-thanks",
                Type = OutcomeType.MeetingBooked,
                OccurredAt = occurredAt,
                Source = OutcomeSource.Manual,
                DedupeKey = DedupeKeys.ForManual("owner-sam", "contact-jane", "task-thanks", OutcomeType.MeetingBooked, occurredAt),
                Note = "Coffee on Friday",
            },
            outcome);
        Assert.True(outcome.StopsSequence);
    }

    [Fact]
    public async Task Occurred_at_defaults_to_now_and_the_task_is_optional()
    {
        var outcome = await _validator.ValidateAsync("owner-sam", new ManualOutcomeRequest { Type = "intro_declined", ContactId = "contact-jane" }, CancellationToken.None);

        Assert.Equal((Now, (string?)null, OutcomeType.IntroDeclined), (outcome.OccurredAt, outcome.TaskId, outcome.Type));
    }

    [Fact]
    public async Task The_same_outcome_given_without_a_time_twice_the_same_day_has_one_key_and_another_day_another()
    {
        var time = new ManualTimeProvider(Now);
        var validator = new ManualOutcomeValidator(_tasks, time);
        var request = new ManualOutcomeRequest { Type = "replied", ContactId = "contact-jane" };

        var first = await validator.ValidateAsync("owner-sam", request, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(5));
        var again = await validator.ValidateAsync("owner-sam", request, CancellationToken.None);
        time.Advance(TimeSpan.FromDays(1));
        var nextDay = await validator.ValidateAsync("owner-sam", request, CancellationToken.None);

        Assert.Equal((first.DedupeKey, Now.AddMinutes(5)), (again.DedupeKey, again.OccurredAt));
        Assert.NotEqual(first.DedupeKey, nextDay.DedupeKey);
    }

    [Theory]
    [InlineData(null, "type")]
    [InlineData("bounced", "type")]
    [InlineData("unsubscribed", "type")]
    [InlineData("auto_replied", "type")]
    public async Task Only_outcomes_a_person_witnesses_are_accepted(string? type, string field)
    {
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            _validator.ValidateAsync("owner-sam", new ManualOutcomeRequest { Type = type, ContactId = "contact-jane" }, CancellationToken.None));

        Assert.Equal(field, error.Target);
        Assert.Equal("outcome.invalid-type", error.Code);
    }

    [Fact]
    public async Task A_missing_contact_names_contact_id()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            _validator.ValidateAsync("owner-sam", new ManualOutcomeRequest { Type = "replied", ContactId = " " }, CancellationToken.None));

        Assert.Equal("contactId", error.Target);
    }

    [Fact]
    public async Task A_future_time_names_occurred_utc_and_now_itself_is_accepted()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            _validator.ValidateAsync("owner-sam", new ManualOutcomeRequest { Type = "replied", ContactId = "contact-jane", OccurredAt = Now.AddTicks(1) }, CancellationToken.None));
        var atNow = await _validator.ValidateAsync("owner-sam", new ManualOutcomeRequest { Type = "replied", ContactId = "contact-jane", OccurredAt = Now }, CancellationToken.None);

        Assert.Equal("occurredUtc", error.Target);
        Assert.Equal(Now, atNow.OccurredAt);
    }

    [Theory]
    [InlineData("owner-sam", "task-other")]
    [InlineData("owner-kim", "task-thanks")]
    public async Task A_task_that_is_not_this_contacts_names_task_id(string owner, string task)
    {
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            _validator.ValidateAsync(owner, new ManualOutcomeRequest { Type = "replied", ContactId = "contact-jane", TaskId = task }, CancellationToken.None));

        Assert.Equal("taskId", error.Target);
    }

    [Fact]
    public async Task A_task_of_another_contact_names_task_id()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            _validator.ValidateAsync("owner-sam", new ManualOutcomeRequest { Type = "replied", ContactId = "contact-lee", TaskId = "task-thanks" }, CancellationToken.None));

        Assert.Equal("taskId", error.Target);
    }

    [Fact]
    public async Task An_overlong_note_names_note()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            _validator.ValidateAsync("owner-sam", new ManualOutcomeRequest { Type = "replied", ContactId = "contact-jane", Note = new string('n', ManualOutcomeValidator.MaxNoteLength + 1) }, CancellationToken.None));

        Assert.Equal("note", error.Target);
    }
}
