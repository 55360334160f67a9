using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Core.Accounts;
using Outreach.Core.Campaigns;
using Outreach.Core.Planning;
using Outreach.Core.Sending;
using Outreach.Functions.Dispatching;
using Outreach.Functions.Security;

namespace Outreach.Functions.Campaigns;

/// <summary>
/// <c>POST /api/tasks/{id}/requeue</c> (<c>RequeueTask</c>): the owner sends a <c>failed</c> or <c>needs_review</c>
/// email again once they have fixed what stopped it (their SMTP account, the contact's address) or checked that a
/// send of unknown outcome did not go out. The task goes back to <c>queued</c>, due now, with a due-index entry in the
/// current bucket, so the next dispatcher run hands it to the sender inside the sender's window, daily cap and spacing
/// like any due task (a queued task is still pending there), and re-checks suppressions. Asking again while it is
/// queued is harmless: it only re-indexes the task, so one whose entry was lost is not stuck.
/// </summary>
internal static class TaskRequeue
{
    public const string Function = "RequeueTask";

    public static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> HandleAsync(
        string id, HttpContext context, OwnerAccess access, DispatchStorage storage, ITaskStore tasks, IDueIndex index, IContactReader contacts,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Write | ApiScopes.Send, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            return OwnerAccess.NotFound();
        }

        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        if (await tasks.FindAsync(owner.OwnerId, id, cancellationToken).ConfigureAwait(false) is not { } task)
        {
            return OwnerAccess.NotFound();
        }

        var now = time.GetUtcNow();
        if (task.State != TaskState.Queued)
        {
            // Planned → queued is the dispatcher's move (it is due later, or waits for its window), not the owner's.
            if (task.State is not (TaskState.Failed or TaskState.NeedsReview) || !TaskStateMachine.CanMove(task.Channel, task.State, TaskState.Queued))
            {
                return ConflictProblems.Of(
                    "task.invalid-transition", $"Task '{id}' is {TaskStates.NameOf(task.State)}; only a failed or needs_review email can be queued again.", "state");
            }

            if (await AnsweredAsync(task, tasks, cancellationToken).ConfigureAwait(false))
            {
                return ConflictProblems.Of(
                    "task.contact-answered", $"The contact of task '{id}' has answered since it failed; a step sent only without a reply is not sent now.", "state");
            }

            // A new claim sets a new Message-ID; the old one stays indexed, so a reply to a send that did go out still finds the task.
            var requeued = task.MoveTo(TaskState.Queued) with { DueUtc = now, ClaimedUtc = null, MessageId = null, LostSendRequeues = 0 };

            // Indexed before the move too: a failure between the two writes then leaves the task failed, still listed for
            // the owner to send again, never queued with no entry, which nothing would ever dispatch or report. (An
            // entry whose move below loses is dropped by the dispatcher as not pending.)
            await index.UpsertAsync(DueIndexEntry.For(requeued, now), cancellationToken).ConfigureAwait(false);
            if (await tasks.TryReplaceAsync(requeued, cancellationToken).ConfigureAwait(false) is not { } stored)
            {
                return ConflictProblems.Of("task.changed", $"Task '{id}' changed while it was being queued again; read it again.", "state");
            }

            task = stored;
        }

        await index.UpsertAsync(DueIndexEntry.For(task, now), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(TaskResponse.Of(task, (await contacts.GetAsync(owner.OwnerId, task.ContactId, cancellationToken).ConfigureAwait(false))?.FullName));
    }

    /// <summary>
    /// True when a stop rule would have cancelled this step had it still been pending when the contact answered: the
    /// rules skip only pending tasks, so a failed follow-up missed it. The contact's other tasks show the answer.
    /// </summary>
    private static async Task<bool> AnsweredAsync(OutreachTask task, ITaskStore tasks, CancellationToken cancellationToken)
    {
        if (task.Condition != StepCondition.OnlyIfNoReply)
        {
            return false;
        }

        var siblings = await tasks.ListForContactAsync(task.OwnerId, task.ContactId, cancellationToken).ConfigureAwait(false);
        return siblings.Any(t => t.State == TaskState.Replied
            || (t.State == TaskState.Skipped && t.SkipReason is SkipReasons.Replied or SkipReasons.MeetingBooked or SkipReasons.IntroductionAnswered));
    }
}
