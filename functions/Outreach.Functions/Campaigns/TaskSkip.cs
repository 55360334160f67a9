using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Core.Accounts;
using Outreach.Core.Planning;
using Outreach.Core.Sending;
using Outreach.Functions.Dispatching;
using Outreach.Functions.Security;

namespace Outreach.Functions.Campaigns;

/// <summary>
/// <c>POST /api/tasks/{id}/skip</c> (<c>SkipTask</c>): the owner drops a task by hand, a <c>failed</c> or
/// <c>needs_review</c> email they will not send again, or a step still pending (planned, queued; a LinkedIn draft they
/// will not send). It becomes <c>skipped</c> (<see cref="SkipReasons.ByOwner"/>, built by <see cref="TaskSkips"/> as
/// the stop rules' skips are) through the same ETag-conditional <see cref="TaskTransitionWriter"/>, so a dispatcher or
/// sender that moves it meanwhile makes the skip decide again on what it did. A queued task's send request finds it no longer queued and does nothing. Skipping a task
/// the owner already skipped answers 200 again; any other state (claimed: mid-send; sent, replied, done, or skipped for
/// another reason) is a 409 naming it.
/// </summary>
internal static class TaskSkip
{
    public const string Function = "SkipTask";

    public static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> HandleAsync(
        string id, HttpContext context, OwnerAccess access, DispatchStorage storage, ITaskStore tasks, IContactReader contacts,
        CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Write, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            return OwnerAccess.NotFound();
        }

        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        if (await tasks.FindAsync(owner.OwnerId, id, cancellationToken).ConfigureAwait(false) is null)
        {
            return OwnerAccess.NotFound();
        }

        await TaskTransitionWriter.ApplyAsync(
            tasks,
            async ct => await tasks.FindAsync(owner.OwnerId, id, ct).ConfigureAwait(false) is { } current ? [current] : [],
            current => TaskSkips.Among(current, t => TaskStateMachine.CanMove(t.Channel, t.State, TaskState.Skipped) ? SkipReasons.ByOwner : null),
            cancellationToken).ConfigureAwait(false);

        // Read again: what the writer left is the answer, whether this call skipped it, an earlier one did, or another
        // writer moved it first.
        if (await tasks.FindAsync(owner.OwnerId, id, cancellationToken).ConfigureAwait(false) is not { } task)
        {
            return OwnerAccess.NotFound();
        }

        if (task.State != TaskState.Skipped || task.SkipReason != SkipReasons.ByOwner)
        {
            var state = task.State == TaskState.Skipped ? $"skipped ({task.SkipReason})" : TaskStates.NameOf(task.State);
            return ConflictProblems.Of(
                "task.invalid-transition",
                $"Task '{id}' is {state}; only a planned, queued, failed or needs_review task can be skipped.",
                "state");
        }

        return TypedResults.Ok(TaskResponse.Of(task, (await contacts.GetAsync(owner.OwnerId, task.ContactId, cancellationToken).ConfigureAwait(false))?.FullName));
    }
}
