namespace Outreach.Core.Planning;

/// <summary>
/// Decides, for one sender and one dispatcher run, which due tasks go now, which wait and until when. Applies the
/// sending window, the per-sender daily cap (counted in the sender's local day, sends already queued included) and the minimum spacing between sends
/// (kept from the last send and from the latest send an earlier run already queued).
/// When the cap binds, the likeliest replies go first (score, unscored = the 5 % baseline), then the earliest due,
/// then task id, so the order is total and runs are repeatable. Suppression is checked again: a contact may have
/// unsubscribed since planning.
/// </summary>
/// <param name="time">The clock.</param>
public sealed class DispatchPlanner(TimeProvider time)
{
    /// <summary>Plans one run for one sender.</summary>
    /// <param name="schedule">The sender's zone, window, calendar, cap and spacing.</param>
    /// <param name="tasks">The sender's tasks found through the due index.</param>
    /// <param name="activity">What the sender already sent, and the latest send already queued.</param>
    /// <param name="suppression">The sender's suppression list.</param>
    /// <param name="queuedEarlier">
    /// The sender's emails earlier runs queued that are not sent yet (none of <paramref name="tasks"/>): they will take
    /// places under today's cap, so only what is left after them and the sent ones is planned now.
    /// </param>
    public DispatchPlan Plan(SenderSchedule schedule, IEnumerable<OutreachTask> tasks, SenderActivity activity, ISuppressionCheck suppression, int queuedEarlier = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(queuedEarlier);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(suppression);
        schedule.EnsureValid();
        var now = time.GetUtcNow();
        var manual = new List<OutreachTask>();
        var deferred = new List<DeferredTask>();
        var skipped = new List<OutreachTask>();
        var notPending = new List<OutreachTask>();
        var email = new List<OutreachTask>();

        foreach (var task in tasks)
        {
            if (!TaskStates.IsPending(task.State))
            {
                notPending.Add(task);
            }
            else if (suppression.IsSuppressed(task.OwnerId, task.ContactId, task.EmailKey))
            {
                skipped.Add(task.MoveTo(TaskState.Skipped, SkipReasons.Suppressed));
            }
            else if (task.DueUtc > now)
            {
                deferred.Add(Defer(task, task.DueUtc, DeferReasons.NotDue));
            }
            else if (task.Channel == TaskChannel.LinkedIn)
            {
                manual.Add(task);
            }
            else
            {
                email.Add(task);
            }
        }

        var sends = new List<ScheduledSend>();
        var opening = schedule.NextOpening(now);
        if (opening > now)
        {
            deferred.AddRange(email.Select(t => Defer(t, opening, DeferReasons.OutsideWindow)));
        }
        else
        {
            PlanToday(schedule, email, activity, queuedEarlier, now, sends, deferred);
        }

        return new DispatchPlan(sends, manual, deferred, skipped, notPending);
    }

    private static void PlanToday(
        SenderSchedule schedule, List<OutreachTask> email, SenderActivity activity, int queuedEarlier, DateTimeOffset now, List<ScheduledSend> sends, List<DeferredTask> deferred)
    {
        var today = schedule.LocalDateOf(now);
        var sentToday = activity.LocalDay == today ? activity.SentThatDay : 0;
        var remaining = Math.Max(0, schedule.DailyCap - sentToday - queuedEarlier);
        var closes = ZonedTime.ToUtc(today, schedule.Window.Closes, schedule.TimeZone);
        var tomorrow = schedule.OpeningOfNextSendingDayAfter(today);

        // Spaced from the latest of the last send and the sends already queued (this run's predecessors' visibility
        // delays), so sends queued by runs a minute apart never land closer than the spacing.
        var slot = activity.LatestSendOrQueuedUtc is { } last && last + schedule.MinimumSpacing > now ? last + schedule.MinimumSpacing : now;

        var ordered = email
            .OrderByDescending(t => t.EffectiveScore)
            .ThenBy(t => t.DueUtc)
            .ThenBy(t => t.TaskId, StringComparer.Ordinal);
        foreach (var task in ordered)
        {
            if (remaining == 0)
            {
                deferred.Add(Defer(task, tomorrow, DeferReasons.DailyCap));
            }
            else if (slot >= closes)
            {
                deferred.Add(Defer(task, tomorrow, DeferReasons.WindowCloses));
            }
            else
            {
                sends.Add(new ScheduledSend(task, slot));
                slot += schedule.MinimumSpacing;
                remaining--;
            }
        }
    }

    private static DeferredTask Defer(OutreachTask task, DateTimeOffset until, string reason) =>
        new(task with { DueUtc = until }, until, reason);
}
