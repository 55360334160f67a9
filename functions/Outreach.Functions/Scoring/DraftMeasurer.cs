using Outreach.Core;
using Outreach.Core.Contacts;
using Outreach.Core.Messaging.Templates;
using Outreach.Core.Planning;
using Outreach.Core.Senders;
using Outreach.Core.Sending;

namespace Outreach.Functions.Scoring;

/// <summary>
/// Measures a pending task's message before it is scored: its draft rendered by <see cref="MessageComposer.Render"/>
/// (what <c>GET /api/tasks/{id}/draft</c> shows and the sender sends), counted by <see cref="MessageStats.Measure"/>
/// as the sender counts the email it sends. Only tasks not measured yet are rendered, so a task costs one rendering
/// however many runs score it; an edit of what the draft renders from drops the counts (<see cref="StaleDrafts"/>), so
/// the next run measures the new draft; the sender measures again on the email that goes out.
/// </summary>
/// <remarks>
/// A task whose message cannot be rendered now (its contact, sender profile or introduction gone, a template that does
/// not render, a consent ask no longer awaited) stays unmeasured and is scored as unknown, as before. Nothing of the
/// message is logged or kept beyond the three counts.
/// </remarks>
internal sealed class DraftMeasurer(SendStores stores, MessageComposer composer)
{
    /// <summary><paramref name="tasks"/> with <see cref="OutreachTask.MessageStats"/> filled in where it was missing and the draft renders.</summary>
    /// <param name="context">The owner's feature context (sender profile and contacts already read).</param>
    /// <param name="tasks">One owner's pending tasks.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<IReadOnlyList<OutreachTask>> MeasureAsync(OwnerFeatureContext context, IReadOnlyList<OutreachTask> tasks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(tasks);
        if (context.Sender is not { } sender || tasks.All(t => t.MessageStats is not null))
        {
            return tasks;
        }

        // One template read per kind, however many tasks share it.
        var templates = new Dictionary<TemplateKind, MessageTemplate>();
        var measured = new List<OutreachTask>(tasks.Count);
        foreach (var task in tasks)
        {
            if (task.MessageStats is not null || context.ContactOf(task) is not { } contact)
            {
                measured.Add(task);
                continue;
            }

            if (!templates.TryGetValue(task.Template, out var template))
            {
                template = await stores.Templates.ResolveAsync(task.OwnerId, task.Template, cancellationToken).ConfigureAwait(false);
                templates[task.Template] = template;
            }

            var introduction = await IntroductionDetails.OfAsync(task, stores.Introductions, stores.Contacts, cancellationToken).ConfigureAwait(false);
            measured.Add(task.IntroductionId is not null && introduction is null ? task : task with { MessageStats = Measure(task, contact, sender, template, introduction) });
        }

        return measured;
    }

    private MessageStats? Measure(OutreachTask task, Contact contact, SenderProfile sender, MessageTemplate template, IntroductionDetails? introduction)
    {
        try
        {
            var draft = composer.Render(task, contact, sender, template, introduction);
            return MessageStats.Measure(draft, contact, introduction?.Introduction.Reason);
        }
        catch (DomainException)
        {
            return null; // not renderable now: scored as unknown; the send itself reports why it cannot go out
        }
    }
}
