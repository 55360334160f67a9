namespace Outreach.Core.Planning;

/// <summary>What to do with one sender's due tasks in one dispatcher run.</summary>
/// <param name="Sends">Email tasks going out today, by send time: move to queued and enqueue with the visibility delay.</param>
/// <param name="ManualDrafts">LinkedIn drafts now ready for the owner to send by hand (no cap: Outreach does not send them).</param>
/// <param name="Deferred">Tasks to re-index under a later instant.</param>
/// <param name="Skipped">Tasks moved to skipped (suppressed since planning).</param>
/// <param name="NotPending">Tasks no longer planned or queued (a stale index entry): drop the entry, change nothing.</param>
public sealed record DispatchPlan(
    IReadOnlyList<ScheduledSend> Sends,
    IReadOnlyList<OutreachTask> ManualDrafts,
    IReadOnlyList<DeferredTask> Deferred,
    IReadOnlyList<OutreachTask> Skipped,
    IReadOnlyList<OutreachTask> NotPending);
