using Outreach.Core.Planning;

namespace Outreach.Core.Sending;

/// <summary>
/// Finds emails stuck between the dispatcher and the sender, through the <see cref="SendWatch"/> entries the dispatcher
/// writes for every task it enqueues, and settles them without ever sending one twice:
/// <list type="bullet">
/// <item>Still <c>queued</c> <paramref name="stuckAfter"/> past its <see cref="OutreachTask.SendAtUtc"/>: its send request
/// was lost (the process stopped, the message was poisoned or expired) and nobody would ever send it. A queued task was
/// never handed to SMTP by a claim that still stands, so a new request is safe: the task is written first (a new version,
/// so a delivery of the old request that read it before can no longer claim it; the sender claims by ETag) with
/// <see cref="SendReasons.SendRequestRequeued"/>, then the request is queued. The second time, the task fails unsent
/// with <see cref="SendReasons.SendRequestLost"/>, where the owner sees it and sends it again or skips it.</item>
/// <item>Still <c>claimed</c> <paramref name="stuckAfter"/> (and <paramref name="staleClaimAfter"/>) after its claim:
/// the request that would have found the stale claim is gone too (a send that reached SMTP but whose status write
/// failed on the last delivery, a process stopped mid-send). It may have been sent, so it goes to <c>needs_review</c>
/// with <see cref="SendReasons.StaleClaim"/>, as the sender would have done, and is never sent again on its own.</item>
/// </list>
/// Anything else (sent, failed, skipped, back to planned, erased) ends the watch. A task not old enough yet is looked at
/// again when it would be. Every age is measured with <paramref name="time"/>.
/// </summary>
/// <param name="cursors">Where the sweep resumes (its own row, not the dispatcher's).</param>
/// <param name="index">The due index holding the watch buckets.</param>
/// <param name="tasks">The task store.</param>
/// <param name="sendRequests">The send queue.</param>
/// <param name="time">The clock.</param>
/// <param name="stuckAfter">How long past its send time (or claim) a task may stay queued (or claimed).</param>
/// <param name="staleClaimAfter">The sender's own limit for a claim (<see cref="SendingOptions.StaleClaimAfter"/>); a claim younger than both is left alone.</param>
public sealed class StuckSendSweeper(
    IDispatchCursorStore cursors,
    IDueIndex index,
    ITaskStore tasks,
    ISendRequestSink sendRequests,
    TimeProvider time,
    TimeSpan stuckAfter,
    TimeSpan staleClaimAfter)
{
    /// <summary>How many times a lost request is queued again before the task fails.</summary>
    public const int MaxRequeues = 1;

    /// <summary>Settles every watched task that is due.</summary>
    /// <param name="cancellationToken">Cancels the run; the cursor then stays where it was and the next run reads the same buckets.</param>
    public async Task<StuckSendReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var plan = SendWatch.PlanScan(await cursors.ReadAsync(cancellationToken).ConfigureAwait(false), now);
        var tally = new Tally();
        foreach (var key in plan.BucketKeys)
        {
            foreach (var entry in await index.ReadBucketAsync(key, cancellationToken).ConfigureAwait(false))
            {
                if (entry.DueUtc <= now)
                {
                    tally.Checked++;
                    await CheckAsync(entry, now, tally, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        await cursors.WriteAsync(plan.NextCursor, cancellationToken).ConfigureAwait(false);
        return tally.ToReport(plan.NextCursor);
    }

    private async Task CheckAsync(DueIndexEntry entry, DateTimeOffset now, Tally tally, CancellationToken cancellationToken)
    {
        var task = await tasks.FindAsync(entry.OwnerId, entry.TaskId, cancellationToken).ConfigureAwait(false);
        switch (task)
        {
            case { Channel: TaskChannel.Email, State: TaskState.Queued }:
                await CheckQueuedAsync(entry, task, now, tally, cancellationToken).ConfigureAwait(false);
                break;
            case { Channel: TaskChannel.Email, State: TaskState.Claimed }:
                await CheckClaimedAsync(entry, task, now, tally, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await index.RemoveAsync(entry, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task CheckQueuedAsync(DueIndexEntry entry, OutreachTask task, DateTimeOffset now, Tally tally, CancellationToken cancellationToken)
    {
        // From the send time, not from the enqueue: a request hidden until a spaced send time is not lost.
        var stuckAt = (task.SendAtUtc ?? task.DueUtc) + stuckAfter;
        if (stuckAt > now)
        {
            tally.NotYet++;
            await MoveAsync(entry, SendWatch.Entry(task, stuckAt, now), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (task.LostSendRequeues >= MaxRequeues)
        {
            // queued → claimed → failed in one conditional write, as the sender fails a task it cannot send.
            var failed = task.MoveTo(TaskState.Claimed).MoveTo(TaskState.Failed) with { FailureReason = SendReasons.SendRequestLost };
            await SettleAsync(entry, failed, now, tally, t => t.Failed++, cancellationToken).ConfigureAwait(false);
            return;
        }

        var requeued = await tasks.TryReplaceAsync(
            task with { SendAtUtc = now, LostSendRequeues = task.LostSendRequeues + 1, FailureReason = SendReasons.SendRequestRequeued },
            cancellationToken).ConfigureAwait(false);
        if (requeued is null)
        {
            await LostRaceAsync(entry, task, now, tally, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Watched before the request goes out: a run stopped in between leaves the task watched, and the next look fails it.
        await MoveAsync(entry, SendWatch.Entry(requeued, now + stuckAfter, now), cancellationToken).ConfigureAwait(false);
        await sendRequests.EnqueueAsync(new SendRequest(task.OwnerId, task.TaskId), TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        tally.Requeued++;
    }

    private async Task CheckClaimedAsync(DueIndexEntry entry, OutreachTask task, DateTimeOffset now, Tally tally, CancellationToken cancellationToken)
    {
        var staleAt = (task.ClaimedUtc ?? task.SendAtUtc ?? task.DueUtc) + (stuckAfter > staleClaimAfter ? stuckAfter : staleClaimAfter);
        if (staleAt > now)
        {
            tally.NotYet++;
            await MoveAsync(entry, SendWatch.Entry(task, staleAt, now), cancellationToken).ConfigureAwait(false);
            return;
        }

        var review = task.MoveTo(TaskState.NeedsReview) with { FailureReason = SendReasons.StaleClaim };
        await SettleAsync(entry, review, now, tally, t => t.ToReview++, cancellationToken).ConfigureAwait(false);
    }

    private async Task SettleAsync(
        DueIndexEntry entry, OutreachTask settled, DateTimeOffset now, Tally tally, Action<Tally> count, CancellationToken cancellationToken)
    {
        if (await tasks.TryReplaceAsync(settled, cancellationToken).ConfigureAwait(false) is null)
        {
            await LostRaceAsync(entry, settled, now, tally, cancellationToken).ConfigureAwait(false);
            return;
        }

        count(tally);
        await index.RemoveAsync(entry, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Someone changed the task since the read (the sender claimed or sent it): the next run reads it again.</summary>
    private async Task LostRaceAsync(DueIndexEntry entry, OutreachTask task, DateTimeOffset now, Tally tally, CancellationToken cancellationToken)
    {
        tally.LostRaces++;
        await MoveAsync(entry, SendWatch.Entry(task, now, now), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the new entry before removing the old one, so a crash in between leaves the task watched.</summary>
    private async Task MoveAsync(DueIndexEntry from, DueIndexEntry to, CancellationToken cancellationToken)
    {
        await index.UpsertAsync(to, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(from.BucketKey, to.BucketKey, StringComparison.Ordinal))
        {
            await index.RemoveAsync(from, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class Tally
    {
        public int Checked { get; set; }

        public int Requeued { get; set; }

        public int Failed { get; set; }

        public int ToReview { get; set; }

        public int NotYet { get; set; }

        public int LostRaces { get; set; }

        public StuckSendReport ToReport(DateTimeOffset cursor) => new()
        {
            Checked = Checked,
            Requeued = Requeued,
            Failed = Failed,
            ToReview = ToReview,
            NotYet = NotYet,
            LostRaces = LostRaces,
            Cursor = cursor,
        };
    }
}
