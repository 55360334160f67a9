using Outreach.Core.Analytics.Counters;
using Outreach.Core.Analytics.Events;
using Outreach.Core.Outcomes;
using Outreach.Core.Planning;
using Outreach.Storage.Stores;

namespace Outreach.Functions.Outcomes;

/// <summary>
/// Counts a human response in the metrics (<see cref="ReplyReceived"/>), credited to the task it answers (and to the
/// meeting that task's send was, <see cref="ReplyReceived.Of"/>, not the contact's latest): the task the
/// outcome names, else the contact's latest task sent before it (a manual outcome may name only the contact). A
/// response to nothing that was sent is not a reply to outreach and is not counted. Recording is idempotent (the
/// counters' dedupe markers), so a repeated webhook or outcome counts once. A reply timed before the send it answers
/// (a manual outcome given only its day, for a note sent that morning; clocks of two mail servers apart) counts as
/// arriving at the send: it is still that send's reply, and the outcome's own time is kept as recorded.
/// </summary>
internal sealed class ReplyMetrics(TableStores stores, MetricsRecorder metrics)
{
    public async Task RecordAsync(Outcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (!Outcome.IsResponse(outcome.Type))
        {
            return;
        }

        var task = await AnsweredTaskAsync(outcome, cancellationToken).ConfigureAwait(false);
        if (task?.SentUtc is not { } sentAt)
        {
            return;
        }

        var contact = await stores.Contacts.GetAsync(outcome.OwnerId, outcome.ContactId, cancellationToken).ConfigureAwait(false);
        var profile = await stores.Senders.GetAsync(outcome.OwnerId, cancellationToken).ConfigureAwait(false);
        if (contact is null || profile is null)
        {
            return;
        }

        var zone = profile.ToSchedule().TimeZone;
        var reply = ReplyReceived.Of(task, contact, OwnerCalendar.LocalDate(sentAt, zone), sentAt, outcome.OccurredAt < sentAt ? sentAt : outcome.OccurredAt);
        await metrics.RecordAsync(reply, zone, cancellationToken).ConfigureAwait(false);
    }

    private async Task<OutreachTask?> AnsweredTaskAsync(Outcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.TaskId is { } taskId)
        {
            return await stores.Tasks.FindAsync(outcome.OwnerId, taskId, cancellationToken).ConfigureAwait(false);
        }

        var tasks = await stores.Tasks.ListForContactAsync(outcome.OwnerId, outcome.ContactId, cancellationToken).ConfigureAwait(false);
        return tasks.Where(t => t.SentUtc <= outcome.OccurredAt).MaxBy(t => t.SentUtc);
    }
}
