using Outreach.Core.Campaigns;
using Outreach.Core.Planning;
using Outreach.Core.Messaging.Templates;

namespace Outreach.Functions.Campaigns;

/// <summary>One task as the owner's to-do and history views show it.</summary>
internal sealed record TaskResponse(
    string Id,
    string ContactId,
    string? ContactName,
    string CampaignId,
    string StepId,
    string Template,
    string Channel,
    string State,
    DateTimeOffset DueUtc,
    double Score,
    string? ScoreExplanation,
    string? SkipReason,
    string? FailureReason,
    DateTimeOffset? SentUtc,
    DateTimeOffset? ClaimedUtc)
{
    public static TaskResponse Of(OutreachTask t, string? contactName) => new(
        t.TaskId,
        t.ContactId,
        contactName,
        t.CampaignId,
        t.StepId,
        t.Template.ToName(),
        TaskChannels.NameOf(t.Channel),
        TaskStates.NameOf(t.State),
        t.DueUtc,
        t.EffectiveScore,
        t.ScoreExplanation,
        t.SkipReason,
        t.FailureReason,
        t.SentUtc,
        t.ClaimedUtc);
}

/// <summary>One page of the list: its tasks, how many match the filters in all, and the token of the next page (null on the last).</summary>
internal sealed record TaskListResponse(IReadOnlyList<TaskResponse> Tasks, int Total, string? Continuation);
