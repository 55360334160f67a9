using Outreach.Core.Senders;

namespace Outreach.Core.Planning;

/// <summary>
/// One dispatcher run (the timer function, once a minute), as <c>Campaigns/README.md</c> ("Dispatcher run") lays it
/// out: read the cursor, find the due entries bucket by bucket, then per owner read only the due tasks (point reads) and,
/// when an email is among them, the owner's emails queued by earlier runs and not sent yet (they count against the cap),
/// score the pending ones whose score is missing, came from a model other than the deployed one or was computed for a
/// due time in another local hour (none while no model is deployed), let <see cref="DispatchPlanner"/> decide, record
/// the owner's latest queued send time (so the next run spaces its sends after it), and apply the decision with
/// version-conditional writes; store the cursor only after every owner is handled. Owners with nothing due are never
/// read.
/// </summary>
/// <remarks>
/// A task someone else changed between this run's read and its write (a reply, another writer) is left alone and its
/// entry moved to the current bucket, so the next run reads it again and decides on the fresh copy; it is never
/// enqueued on a stale read. A task found already queued with its entry still there means a run stopped between the
/// move and the enqueue; it is enqueued again, which is safe because the send function claims a task by ETag and
/// drops a message whose task is no longer queued. Every enqueued task gets a <see cref="SendWatch"/> entry, so one
/// whose request is lost later is found by <see cref="Sending.StuckSendSweeper"/>.
/// </remarks>
public sealed class DueDispatcher(
    IDispatchCursorStore cursors,
    IDueIndex index,
    ITaskStore tasks,
    ITaskListing listing,
    ISenderProfileStore profiles,
    ISenderActivityStore activity,
    ISuppressionStore suppressions,
    ITaskScorer scorer,
    ISendRequestSink sendRequests,
    TimeProvider time,
    DueDispatcherOptions? options = null)
{
    /// <summary>The longest visibility delay a storage queue accepts.</summary>
    public static readonly TimeSpan MaxSendDelay = TimeSpan.FromDays(7);

    private readonly DueTaskScoring _scoring = new(scorer);
    private readonly DueDispatcherOptions _options = options ?? new DueDispatcherOptions();
    private readonly DispatchPlanner _planner = new(time);
    private readonly DueWorkFinder _finder = new(index, time, options?.FirstScanLookback);

    /// <summary>Dispatches everything due now.</summary>
    /// <param name="cancellationToken">Cancels the run; the cursor then stays where it was and the next run reads the same buckets.</param>
    public async Task<DispatchRunReport> RunAsync(CancellationToken cancellationToken)
    {
        var cursor = await cursors.ReadAsync(cancellationToken).ConfigureAwait(false);
        var work = await _finder.FindAsync(cursor, cancellationToken).ConfigureAwait(false);
        var tally = new DispatchTally();
        foreach (var owner in work.GroupByOwner())
        {
            await DispatchOwnerAsync(owner.Key, [.. owner], tally, cancellationToken).ConfigureAwait(false);
        }

        await cursors.WriteAsync(work.NextCursor, cancellationToken).ConfigureAwait(false);
        return tally.ToReport(work.NextCursor);
    }

    private async Task DispatchOwnerAsync(string ownerId, List<DueIndexEntry> entries, DispatchTally tally, CancellationToken cancellationToken)
    {
        tally.Owners++;
        var entriesByTask = entries.ToLookup(e => e.TaskId, StringComparer.Ordinal);
        var schedule = await ScheduleOfAsync(ownerId, cancellationToken).ConfigureAwait(false);
        if (schedule is null)
        {
            tally.OwnersWithoutSchedule.Add(ownerId);
            var retryAt = time.GetUtcNow() + _options.MissingScheduleRetry;
            foreach (var entry in entries)
            {
                await MoveEntryAsync(entry, entry with { BucketKey = DueBuckets.KeyOf(retryAt), DueUtc = retryAt }, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var loaded = new List<OutreachTask>();
        foreach (var taskEntries in entriesByTask)
        {
            var task = await tasks.FindAsync(ownerId, taskEntries.Key, cancellationToken).ConfigureAwait(false);
            if (task is null)
            {
                tally.StaleEntries++; // the task was erased; its entry points at nothing
                await RemoveAsync(taskEntries, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                loaded.Add(task);
            }
        }

        if (loaded.Count == 0)
        {
            return;
        }

        var sent = await activity.GetAsync(ownerId, cancellationToken).ConfigureAwait(false);
        var suppressed = await suppressions.LoadListAsync(ownerId, cancellationToken).ConfigureAwait(false);
        var queuedEarlier = await QueuedEarlierAsync(ownerId, schedule, sent, loaded, cancellationToken).ConfigureAwait(false);
        var (scored, scoredNow) = await _scoring.ScoreAsync(ownerId, schedule.TimeZone, loaded, cancellationToken).ConfigureAwait(false);
        var plan = _planner.Plan(schedule, scored, sent, suppressed, queuedEarlier);
        await ApplyAsync(ownerId, plan, entriesByTask, scoredNow, tally, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The owner's emails that earlier runs queued and that are not sent yet (still <see cref="TaskState.Queued"/>; a
    /// claimed one already counts in the sent count, having reserved its place): they take places under today's cap as
    /// surely as sent ones, so a run a minute after another does not queue a second cap's worth that the sender would
    /// only hand back. Tasks of this run are not among them. Read only when this run has an email to plan and an earlier
    /// run queued a send for today (the sender's local day): a task left queued on an earlier day with nothing queued
    /// since (its message lost) must not hold a place day after day.
    /// </summary>
    private async Task<int> QueuedEarlierAsync(
        string ownerId, SenderSchedule schedule, SenderActivity sent, List<OutreachTask> loaded, CancellationToken cancellationToken)
    {
        if (!loaded.Any(t => t.Channel == TaskChannel.Email && TaskStates.IsPending(t.State))
            || sent.LatestQueuedUtc is not { } latest
            || schedule.LocalDateOf(latest) != schedule.LocalDateOf(time.GetUtcNow()))
        {
            return 0;
        }

        var queued = await listing.ListAsync(ownerId, new TaskQuery { States = [TaskState.Queued], Channel = TaskChannel.Email }, cancellationToken).ConfigureAwait(false);
        var inThisRun = loaded.Select(t => t.TaskId).ToHashSet(StringComparer.Ordinal);
        return queued.Count(t => !inThisRun.Contains(t.TaskId));
    }

    /// <summary>The owner's schedule, or null when they have no profile or its zone or window is unusable.</summary>
    private async Task<SenderSchedule?> ScheduleOfAsync(string ownerId, CancellationToken cancellationToken)
    {
        var profile = await profiles.GetAsync(ownerId, cancellationToken).ConfigureAwait(false);
        if (profile is null)
        {
            return null;
        }

        try
        {
            var schedule = profile.ToSchedule();
            schedule.EnsureValid();
            return schedule;
        }
        catch (DomainException)
        {
            return null; // a broken profile must not stop every other owner's mail; the report names the owner
        }
    }

    private async Task ApplyAsync(
        string ownerId, DispatchPlan plan, ILookup<string, DueIndexEntry> entriesByTask, IReadOnlySet<string> scoredNow, DispatchTally tally,
        CancellationToken cancellationToken)
    {
        // The slots are recorded before the first message goes on the queue: a run that stops midway then leaves a
        // reservation a little too late (harmless), never a queued message the next run does not space from.
        if (plan.Sends.Count > 0)
        {
            await activity.RecordQueuedAsync(ownerId, plan.Sends.Max(s => s.SendAtUtc), cancellationToken).ConfigureAwait(false);
        }

        foreach (var send in plan.Sends)
        {
            await EnqueueAsync(send, entriesByTask[send.Task.TaskId], tally, cancellationToken).ConfigureAwait(false);
        }

        foreach (var deferred in plan.Deferred)
        {
            await DeferAsync(deferred.Task, entriesByTask[deferred.Task.TaskId], tally, cancellationToken).ConfigureAwait(false);
        }

        foreach (var skipped in plan.Skipped)
        {
            var entries = entriesByTask[skipped.TaskId];
            if (await tasks.TryReplaceAsync(skipped, cancellationToken).ConfigureAwait(false) is null)
            {
                await KeepForNextRunAsync(entries, tally, cancellationToken).ConfigureAwait(false);
                continue;
            }

            tally.Skipped++;
            await RemoveAsync(entries, cancellationToken).ConfigureAwait(false);
        }

        // Drafts stay planned for the owner's to-do view, which lists due LinkedIn tasks itself, ranked and explained by
        // the score stored on them: a draft scored in this run is written back with it (no other write would carry it),
        // and one that lost a race is read and scored again by the next run. Tasks no longer pending were moved by
        // someone else; their entry has done its job.
        foreach (var draft in plan.ManualDrafts)
        {
            var entries = entriesByTask[draft.TaskId];
            if (scoredNow.Contains(draft.TaskId) && await tasks.TryReplaceAsync(draft, cancellationToken).ConfigureAwait(false) is null)
            {
                await KeepForNextRunAsync(entries, tally, cancellationToken).ConfigureAwait(false);
                continue;
            }

            tally.ManualDrafts++;
            await RemoveAsync(entries, cancellationToken).ConfigureAwait(false);
        }

        foreach (var moved in plan.NotPending)
        {
            tally.StaleEntries++;
            await RemoveAsync(entriesByTask[moved.TaskId], cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task EnqueueAsync(ScheduledSend send, IEnumerable<DueIndexEntry> entries, DispatchTally tally, CancellationToken cancellationToken)
    {
        var task = send.Task;

        // Written even for a task already queued (a run that stopped before its enqueue, an owner's re-queue): the send
        // time dates the request about to go out for the stuck-send sweeper, and the new version fences off a delivery of
        // an older request that read the task before, whose claim now loses.
        var queued = await tasks.TryReplaceAsync(
            (task.State == TaskState.Queued ? task : task.MoveTo(TaskState.Queued)) with { SendAtUtc = send.SendAtUtc },
            cancellationToken).ConfigureAwait(false);
        if (queued is null)
        {
            await KeepForNextRunAsync(entries, tally, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Watched before the request goes out: a request lost after this (a stopped process, a poisoned or expired
        // message) is found by the sweeper instead of leaving the task queued for ever.
        await index.UpsertAsync(SendWatch.Entry(queued, send.SendAtUtc + _options.StuckSendAfter, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        var delay = send.SendAtUtc - time.GetUtcNow();
        delay = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxSendDelay ? MaxSendDelay : delay;
        await sendRequests.EnqueueAsync(new SendRequest(task.OwnerId, task.TaskId), delay, cancellationToken).ConfigureAwait(false);
        tally.Enqueued++;
        await RemoveAsync(entries, cancellationToken).ConfigureAwait(false);
    }

    private async Task DeferAsync(OutreachTask task, IEnumerable<DueIndexEntry> entries, DispatchTally tally, CancellationToken cancellationToken)
    {
        var stored = await tasks.TryReplaceAsync(task, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            await KeepForNextRunAsync(entries, tally, cancellationToken).ConfigureAwait(false);
            return;
        }

        tally.Deferred++;
        var next = DueIndexEntry.For(stored, time.GetUtcNow());
        await index.UpsertAsync(next, cancellationToken).ConfigureAwait(false);
        await RemoveAsync(entries.Where(e => !string.Equals(e.BucketKey, next.BucketKey, StringComparison.Ordinal)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A lost race: move the entries to the current bucket, at or after the cursor, so the next run reads the task again.</summary>
    private async Task KeepForNextRunAsync(IEnumerable<DueIndexEntry> entries, DispatchTally tally, CancellationToken cancellationToken)
    {
        tally.LostRaces++;
        var now = time.GetUtcNow();
        foreach (var entry in entries)
        {
            await MoveEntryAsync(entry, entry with { BucketKey = DueBuckets.KeyForIndexing(entry.DueUtc, now) }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the new entry before removing the old one, so a crash in between leaves the task indexed.</summary>
    private async Task MoveEntryAsync(DueIndexEntry from, DueIndexEntry to, CancellationToken cancellationToken)
    {
        await index.UpsertAsync(to, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(from.BucketKey, to.BucketKey, StringComparison.Ordinal))
        {
            await index.RemoveAsync(from, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RemoveAsync(IEnumerable<DueIndexEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
        {
            await index.RemoveAsync(entry, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class DispatchTally
    {
        public int Owners { get; set; }

        public int Enqueued { get; set; }

        public int Deferred { get; set; }

        public int Skipped { get; set; }

        public int ManualDrafts { get; set; }

        public int StaleEntries { get; set; }

        public int LostRaces { get; set; }

        public List<string> OwnersWithoutSchedule { get; } = [];

        public DispatchRunReport ToReport(DateTimeOffset cursor) => new()
        {
            Owners = Owners,
            Enqueued = Enqueued,
            Deferred = Deferred,
            Skipped = Skipped,
            ManualDrafts = ManualDrafts,
            StaleEntries = StaleEntries,
            LostRaces = LostRaces,
            OwnersWithoutSchedule = OwnersWithoutSchedule,
            Cursor = cursor,
        };
    }
}
