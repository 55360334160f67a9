using Outreach.Core.Outcomes;
using Outreach.Core.Planning;
using Outreach.Functions.Scoring;
using Outreach.Core.Messaging.Templates;

namespace Outreach.Functions.Tests.Scoring;

public sealed class OutcomeAttributionTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static OutreachTask Sent(string taskId, string contactId, int day) => new()
    {
        TaskId = taskId, OwnerId = "ana", ContactId = contactId, CampaignId = "c", StepId = taskId, Template = TemplateKind.ThankYou,
        Channel = TaskChannel.Email, DueUtc = Start.AddDays(day), State = TaskState.Sent, SentUtc = Start.AddDays(day),
    };

    private static Outcome Replied(string contactId, string? taskId, int day) => new()
    {
        OwnerId = "ana", ContactId = contactId, TaskId = taskId, Type = OutcomeType.Replied, OccurredAt = Start.AddDays(day),
        Source = OutcomeSource.Manual, DedupeKey = $"{contactId}-{taskId}-{day}",
    };

    [Fact]
    public void An_outcome_goes_to_the_task_it_names_else_to_the_contacts_latest_task_sent_before_it()
    {
        IReadOnlyList<OutreachTask> tasks = [Sent("t1", "c1", 0), Sent("t2", "c1", 7), Sent("t3", "c2", 0)];
        var named = Replied("c1", "t1", 9);
        var byContact = Replied("c1", null, 8);
        var beforeAnySend = Replied("c2", null, -1);
        var unknownTask = Replied("c2", "gone", 3);

        var byTask = OutcomeAttribution.ByTask(tasks, [named, byContact, beforeAnySend, unknownTask]);

        Assert.Equal([named], byTask["t1"]);
        Assert.Equal([byContact], byTask["t2"]);
        Assert.Empty(byTask["t3"]);
    }
}
