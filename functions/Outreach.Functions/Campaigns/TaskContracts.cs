using Outreach.Core.Campaigns;
using Outreach.Core.Planning;
using Outreach.Core.Messaging.Templates;

namespace Outreach.Functions.Campaigns;

/// <summary>One task as the owner's to-do and history views show it.</summary>
/// <remarks>
/// <c>score</c> is the one the list is ordered by: the model's probability, or the 5 % baseline for a task the model has
/// not scored yet (the dispatcher scores tasks when they fall due); <c>scored</c> says which, so a view does not show
/// the baseline as if it were a prediction.
/// </remarks>
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
    bool Scored,
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
        t.Score is not null,
        t.ScoreExplanation,
        t.SkipReason,
        t.FailureReason,
        t.SentUtc,
        t.ClaimedUtc);
}

/// <summary>One page of the list: its tasks, how many match the filters in all, and the token of the next page (null on the last).</summary>
internal sealed record TaskListResponse(IReadOnlyList<TaskResponse> Tasks, int Total, string? Continuation);
