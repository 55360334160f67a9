using Outreach.Core.Campaigns;

namespace Outreach.Core.Planning;

/// <summary>
/// What changing or deleting a campaign does to the tasks already planned from it. Pending tasks (planned, queued) of a
/// deleted campaign, or of a step its new version no longer has, are skipped (<see cref="SkipReasons.CampaignDeleted"/>,
/// <see cref="SkipReasons.StepRemoved"/>), so no mail goes out for a step the owner took away. A claimed task is mid-send
/// and finishes; tasks that ended stay as the owner's record. A step that stays keeps its planned tasks as they are:
/// a changed delay or send time applies to contacts enrolled after the change.
/// </summary>
public static class CampaignEdits
{
    /// <summary>The transitions among <paramref name="ownerTasks"/> that replacing <paramref name="previous"/> by <paramref name="updated"/> (null: deleting it) causes.</summary>
    /// <param name="previous">The campaign as it was.</param>
    /// <param name="updated">The campaign as saved, or null when it was deleted.</param>
    /// <param name="ownerTasks">Tasks of the campaign's owner (those of other campaigns or owners are ignored).</param>
    public static IReadOnlyList<TaskTransition> Apply(Campaign previous, Campaign? updated, IEnumerable<OutreachTask> ownerTasks)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(ownerTasks);
        var kept = updated?.Steps.Select(s => s.StepId).ToHashSet(StringComparer.Ordinal);
        var pending = ownerTasks.Where(task => TaskStates.IsPending(task.State)
            && string.Equals(task.OwnerId, previous.OwnerId, StringComparison.Ordinal)
            && string.Equals(task.CampaignId, previous.CampaignId, StringComparison.Ordinal));
        return TaskSkips.Among(
            pending, task => kept is null ? SkipReasons.CampaignDeleted : kept.Contains(task.StepId) ? null : SkipReasons.StepRemoved);
    }
}
