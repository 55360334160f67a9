using Outreach.Core.Messaging.Templates;
using Outreach.Core.Planning;

namespace Outreach.Core.Introductions;

/// <summary>
/// What an introduction's state does to its own pending messages (planned or queued): one that lost its purpose is
/// skipped, so it is never sent. The consent ask is only for a request awaiting B: once the introducer withdrew it, it
/// is skipped (<see cref="SkipReasons.IntroductionCancelled"/>), once the request expired before the ask went out (held by
/// the daily cap or in review), too (<see cref="SkipReasons.IntroductionExpired"/>: its link could not work), and once B's answer was recorded another way (the
/// introducer's <c>answer</c>) before the ask went out, too (<see cref="SkipReasons.IntroductionAnswered"/>). The nudge is only for an introduction nobody followed
/// up: once it completed, it is skipped (<see cref="SkipReasons.IntroductionCompleted"/>). A claimed task is mid-send
/// and finishes; the introduction email itself is never taken back.
/// </summary>
public static class IntroductionTaskStops
{
    /// <summary>The transitions among <paramref name="tasks"/> that <paramref name="introduction"/>'s state causes.</summary>
    /// <param name="introduction">The introduction as stored.</param>
    /// <param name="tasks">Tasks of its owner (those of other introductions or owners are ignored).</param>
    public static IReadOnlyList<TaskTransition> Apply(Introduction introduction, IEnumerable<OutreachTask> tasks)
    {
        ArgumentNullException.ThrowIfNull(introduction);
        ArgumentNullException.ThrowIfNull(tasks);
        var pending = tasks.Where(task => TaskStates.IsPending(task.State)
            && string.Equals(task.OwnerId, introduction.OwnerId, StringComparison.Ordinal)
            && string.Equals(task.IntroductionId, introduction.IntroductionId, StringComparison.Ordinal));
        return TaskSkips.Among(pending, task => Reason(task.Template, introduction.State));
    }

    private static string? Reason(TemplateKind template, IntroductionState state) => (template, state) switch
    {
        (TemplateKind.IntroAsk, IntroductionState.Cancelled) => SkipReasons.IntroductionCancelled,
        (TemplateKind.IntroAsk, IntroductionState.Expired) => SkipReasons.IntroductionExpired,
        (TemplateKind.IntroAsk, IntroductionState.Declined or IntroductionState.Introduced or IntroductionState.Nudged or IntroductionState.Completed
            or IntroductionState.Stalled) =>
            SkipReasons.IntroductionAnswered,
        (TemplateKind.Nudge, IntroductionState.Completed) => SkipReasons.IntroductionCompleted,
        _ => null,
    };
}
