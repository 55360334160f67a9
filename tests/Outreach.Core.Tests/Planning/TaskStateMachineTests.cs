using Outreach.Core.Campaigns;
using Outreach.Core.Planning;
using static Outreach.Core.Tests.Planning.Given;
using Outreach.Core.Messaging.Templates;

namespace Outreach.Core.Tests.Planning;

public sealed class TaskStateMachineTests
{
    // Written out by hand (not read from the machine) so a changed rule shows up here.
    private static readonly (TaskChannel Channel, TaskState From, TaskState To)[] Allowed =
    [
        (TaskChannel.Email, TaskState.Planned, TaskState.Queued),
        (TaskChannel.Email, TaskState.Planned, TaskState.Skipped),
        (TaskChannel.Email, TaskState.Queued, TaskState.Claimed),
        (TaskChannel.Email, TaskState.Queued, TaskState.Skipped),
        (TaskChannel.Email, TaskState.Queued, TaskState.Planned),
        (TaskChannel.Email, TaskState.Claimed, TaskState.Sent),
        (TaskChannel.Email, TaskState.Claimed, TaskState.Failed),
        (TaskChannel.Email, TaskState.Claimed, TaskState.NeedsReview),
        (TaskChannel.Email, TaskState.Failed, TaskState.Queued),
        (TaskChannel.Email, TaskState.Failed, TaskState.Skipped),
        (TaskChannel.Email, TaskState.NeedsReview, TaskState.Sent),
        (TaskChannel.Email, TaskState.NeedsReview, TaskState.Queued),
        (TaskChannel.Email, TaskState.NeedsReview, TaskState.Skipped),
        (TaskChannel.Email, TaskState.Sent, TaskState.Replied),
        (TaskChannel.LinkedIn, TaskState.Planned, TaskState.Done),
        (TaskChannel.LinkedIn, TaskState.Planned, TaskState.Skipped),
        (TaskChannel.LinkedIn, TaskState.Done, TaskState.Replied),
    ];

    public static TheoryData<TaskChannel, TaskState, TaskState> AllowedMoves() => ToTheoryData(Allowed);

    public static TheoryData<TaskChannel, TaskState, TaskState> ForbiddenMoves() => ToTheoryData(
        from channel in Enum.GetValues<TaskChannel>()
        from a in Enum.GetValues<TaskState>()
        from b in Enum.GetValues<TaskState>()
        where !Allowed.Contains((channel, a, b))
        select (channel, a, b));

    private static TheoryData<TaskChannel, TaskState, TaskState> ToTheoryData(IEnumerable<(TaskChannel, TaskState, TaskState)> rows)
    {
        var data = new TheoryData<TaskChannel, TaskState, TaskState>();
        foreach (var (channel, from, to) in rows)
        {
            data.Add(channel, from, to);
        }

        return data;
    }

    private static OutreachTask Task(TaskChannel channel, TaskState state) => new()
    {
        TaskId = "t1",
        OwnerId = "student-1",
        ContactId = "c1",
        CampaignId = "c",
        StepId = "s",
        Template = TemplateKind.ThankYou,
        Channel = channel,
        DueUtc = Utc("2026-03-09T09:00Z"),
        State = state,
    };

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void Allowed_moves_change_the_state(TaskChannel channel, TaskState from, TaskState to)
    {
        var moved = Task(channel, from).MoveTo(to, "by hand");

        Assert.Equal(to, moved.State);
        Assert.Equal(to == TaskState.Skipped ? "by hand" : null, moved.SkipReason);
    }

    [Theory]
    [MemberData(nameof(ForbiddenMoves))]
    public void Forbidden_moves_are_rejected_naming_both_states(TaskChannel channel, TaskState from, TaskState to)
    {
        var error = Assert.Throws<DomainException>(() => Task(channel, from).MoveTo(to, "by hand"));

        Assert.Equal(("task.invalid-transition", "state"), (error.Code, error.Target));
        Assert.Contains($"from {TaskStates.NameOf(from)} to {TaskStates.NameOf(to)}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sent_to_queued_reads_plainly() =>
        Assert.Equal(
            "An email task cannot move from sent to queued (task 't1').",
            Assert.Throws<DomainException>(() => Task(TaskChannel.Email, TaskState.Sent).MoveTo(TaskState.Queued)).Message);

    [Fact]
    public void Marking_an_email_task_done_by_hand_is_rejected() =>
        Assert.Throws<DomainException>(() => Task(TaskChannel.Email, TaskState.Planned).MoveTo(TaskState.Done));

    [Fact]
    public void Skipping_needs_a_reason()
    {
        var error = Assert.Throws<DomainException>(() => Task(TaskChannel.Email, TaskState.Planned).MoveTo(TaskState.Skipped));

        Assert.Equal("skipReason", error.Target);
    }

    [Theory]
    [InlineData(TaskState.NeedsReview, "needs_review")]
    [InlineData(TaskState.Planned, "planned")]
    [InlineData(TaskState.Done, "done")]
    public void States_round_trip_through_their_wire_names(TaskState state, string name)
    {
        Assert.Equal(name, TaskStates.NameOf(state));
        Assert.Equal(state, TaskStates.Parse(name));
    }

    [Fact]
    public void An_unknown_state_name_is_rejected() =>
        Assert.Equal("state", Assert.Throws<DomainException>(() => TaskStates.Parse("sending")).Target);
}
