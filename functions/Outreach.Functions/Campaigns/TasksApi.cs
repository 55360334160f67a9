using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Core;
using Outreach.Core.Accounts;
using Outreach.Core.Contacts;
using Outreach.Core.Planning;
using Outreach.Core.Sending;
using Outreach.Functions.Dispatching;
using Outreach.Functions.Invocation;
using Outreach.Functions.Security;

namespace Outreach.Functions.Campaigns;

/// <summary>
/// <c>GET /api/tasks?state=&amp;channel=&amp;dueFrom=&amp;dueTo=&amp;take=&amp;order=score&amp;continuation=</c>
/// (<c>ListTasks</c>): a page of the owner's tasks by due time (or by predicted reply probability, highest first), how
/// many match in all, and the token of the next page (<see cref="TaskListPaging"/>); <c>dueTo</c> is exclusive. <c>POST
/// /api/tasks/{id}/done</c> (<c>CompleteTask</c>): a LinkedIn draft the owner sent by hand, or a <c>needs_review</c> email
/// the owner found did go out (it becomes <c>sent</c>), counted as sent in the metrics. <c>POST /api/tasks/{id}/requeue</c>
/// (<see cref="TaskRequeue"/>): a failed or needs_review email sent again. <c>POST /api/tasks/{id}/skip</c>
/// (<see cref="TaskSkip"/>): a failed, needs_review or pending task dropped by hand.
/// </summary>
internal static class TasksApi
{
    public const string ListFunction = "ListTasks";
    public const string CompleteFunction = "CompleteTask";
    public const int DefaultTake = 100;
    public const int MaxTake = 1000;

    public static IEndpointRouteBuilder MapTasks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/tasks", ListAsync).AsFunction(ListFunction).WithName(ListFunction).RequireScope(ApiScopes.Read);
        endpoints.MapPost("/tasks/{id}/done", CompleteAsync).AsFunction(CompleteFunction).WithName(CompleteFunction).RequireScope(ApiScopes.Write);
        endpoints.MapPost("/tasks/{id}/requeue", TaskRequeue.HandleAsync).AsFunction(TaskRequeue.Function).WithName(TaskRequeue.Function).RequireScope(ApiScopes.Write | ApiScopes.Send);
        endpoints.MapPost("/tasks/{id}/skip", TaskSkip.HandleAsync).AsFunction(TaskSkip.Function).WithName(TaskSkip.Function).RequireScope(ApiScopes.Write);
        return endpoints;
    }

    private static async Task<Results<Ok<TaskListResponse>, ProblemHttpResult>> ListAsync(
        HttpContext context, OwnerAccess access, DispatchStorage storage, ITaskListing listing, IContactReader contacts,
        string? state, string? channel, string? dueFrom, string? dueTo, int? take, string? order, string? continuation,
        CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Read, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            return OwnerAccess.NotFound();
        }

        var query = new TaskQuery
        {
            States = string.IsNullOrWhiteSpace(state) ? [] : [.. state.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(TaskStates.Parse).Distinct()],
            Channel = string.IsNullOrWhiteSpace(channel) ? null : TaskChannels.Parse(channel),
            DueFrom = ParseInstant(dueFrom, "dueFrom"),
            DueTo = ParseInstant(dueTo, "dueTo"),
        };
        var count = take ?? DefaultTake;
        if (count is < 1 or > MaxTake)
        {
            throw new DomainException("task.bad-take", $"take is 1 to {MaxTake}.", "take");
        }

        var byScore = order switch
        {
            null or "" or "due" => false,
            "score" => true,
            _ => throw new DomainException("task.bad-order", $"'{order}' is not an order (due or score).", "order"),
        };

        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var tasks = await listing.ListAsync(owner.OwnerId, query, cancellationToken).ConfigureAwait(false);
        var (page, next) = TaskListPaging.Page(tasks, byScore, count, continuation);
        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var contactId in page.Select(t => t.ContactId).Distinct(StringComparer.Ordinal))
        {
            names[contactId] = (await contacts.GetAsync(owner.OwnerId, contactId, cancellationToken).ConfigureAwait(false))?.FullName;
        }

        return TypedResults.Ok(new TaskListResponse([.. page.Select(t => TaskResponse.Of(t, names[t.ContactId]))], tasks.Count, next));
    }

    private static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> CompleteAsync(
        string id, HttpContext context, OwnerAccess access, DispatchStorage storage, ITaskStore tasks, IContactReader contacts, HandSentMetrics metrics,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Write, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            return OwnerAccess.NotFound();
        }

        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        if (await tasks.FindAsync(owner.OwnerId, id, cancellationToken).ConfigureAwait(false) is not { } task)
        {
            return OwnerAccess.NotFound();
        }

        // Done means "it went out": a LinkedIn draft sent by hand is done; an email whose send could not be confirmed
        // (needs_review) and that the owner finds in their Sent folder is sent, at its claim (when SMTP was called).
        var email = task.Channel == TaskChannel.Email;
        if (email && task.State is not (TaskState.NeedsReview or TaskState.Sent))
        {
            throw new DomainException(
                "task.not-linkedin",
                $"Task '{id}' is an email that Outreach sends itself; only LinkedIn drafts, and emails in needs_review that did go out, are marked done by hand.",
                "channel");
        }

        // The dispatcher may store the draft's score between this read and the write; that write is no conflict with
        // "I sent it", so a lost conditional write reads the task again and decides again on the fresh copy. Only a
        // state the owner's "done" no longer fits (skipped by a reply, sent, requeued) is refused.
        var marked = email ? TaskState.Sent : TaskState.Done;
        var contact = await contacts.GetAsync(owner.OwnerId, task.ContactId, cancellationToken).ConfigureAwait(false);
        await TaskTransitionWriter.ApplyAsync(
            tasks,
            async ct => await tasks.FindAsync(owner.OwnerId, id, ct).ConfigureAwait(false) is { } current ? [current] : [],
            current => [.. current.Where(t => CanMarkDone(t, marked)).Select(t => MarkDone(t, marked, contact, time))],
            cancellationToken).ConfigureAwait(false);

        // Read again: what the writer left is the answer, whether this call marked it, an earlier one did, or another
        // writer moved it first. Marking twice is harmless; recording again (idempotent) counts a send whose first
        // recording failed.
        if (await tasks.FindAsync(owner.OwnerId, id, cancellationToken).ConfigureAwait(false) is not { } done)
        {
            return OwnerAccess.NotFound();
        }

        if (done.State != marked)
        {
            return CanMarkDone(done, marked)
                ? ConflictProblems.Of("task.changed", $"Task '{id}' kept changing while it was being marked done; try again.", "state")
                : ConflictProblems.Of("task.invalid-transition", $"Task '{id}' is {TaskStates.NameOf(done.State)}; only a planned LinkedIn draft can be marked done.", "state");
        }

        await metrics.RecordAsync(done, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(await ResponseAsync(done, owner.OwnerId, contacts, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// True when <paramref name="task"/> can become <paramref name="marked"/> by hand: a LinkedIn draft still planned, or
    /// an email still in needs_review (one the sender claims again after a requeue is no longer the owner's to mark).
    /// </summary>
    private static bool CanMarkDone(OutreachTask task, TaskState marked) =>
        (task.Channel == TaskChannel.LinkedIn || task.State == TaskState.NeedsReview) && TaskStateMachine.CanMove(task.Channel, task.State, marked);

    /// <summary>
    /// The task marked: an email at its claim (when SMTP was called, which recorded its recipient), a LinkedIn draft now,
    /// with its recipient as they are now (<see cref="OutreachTask.RecipientAtSend"/>), so later imports do not change how
    /// the sent draft is described.
    /// </summary>
    private static TaskTransition MarkDone(OutreachTask task, TaskState marked, Contact? contact, TimeProvider time)
    {
        var sentAt = task.Channel == TaskChannel.Email ? task.ClaimedUtc ?? time.GetUtcNow() : time.GetUtcNow();
        var recipient = task.RecipientAtSend ?? (contact is null ? null : new RecipientAtSend(contact.Position));
        return new TaskTransition(task.MoveTo(marked) with { SentUtc = sentAt, RecipientAtSend = recipient }, task.State, marked);
    }

    private static async Task<TaskResponse> ResponseAsync(OutreachTask task, string ownerId, IContactReader contacts, CancellationToken cancellationToken) =>
        TaskResponse.Of(task, (await contacts.GetAsync(ownerId, task.ContactId, cancellationToken).ConfigureAwait(false))?.FullName);

    private static DateTimeOffset? ParseInstant(string? text, string target) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant
        : throw new DomainException("task.bad-date", $"'{text}' is not a date or instant (ISO 8601).", target);
}
