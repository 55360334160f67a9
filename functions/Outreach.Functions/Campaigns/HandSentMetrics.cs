using Outreach.Core.Analytics.Events;
using Outreach.Core.Planning;
using Outreach.Core.Senders;
using Outreach.Core.Sending;

namespace Outreach.Functions.Campaigns;

/// <summary>
/// Counts a send the owner reports by hand (a LinkedIn draft marked done, an email in needs_review they found did go
/// out) as <see cref="OutreachSent"/>, with the same
/// meeting, step, score and sender zone the sender uses for the mail it sends itself, so a contact written to on
/// LinkedIn counts as followed up. Recording is idempotent (one send per task), so marking a task again, or retrying
/// after a failed write, counts it once.
/// </summary>
internal sealed class HandSentMetrics(IContactReader contacts, ISenderProfileStore profiles, MetricsRecorder metrics)
{
    /// <summary>Records the send of <paramref name="task"/> at its <see cref="OutreachTask.SentUtc"/>; nothing when it has none, or its contact or the owner's profile is gone.</summary>
    public async Task RecordAsync(OutreachTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.SentUtc is not { } sentAt)
        {
            return;
        }

        var contactRead = contacts.GetAsync(task.OwnerId, task.ContactId, cancellationToken);
        var profileRead = profiles.GetAsync(task.OwnerId, cancellationToken);
        await Task.WhenAll(contactRead, profileRead).ConfigureAwait(false);
        if (await contactRead.ConfigureAwait(false) is not { } contact || await profileRead.ConfigureAwait(false) is not { } profile)
        {
            return; // an erased contact is not counted; without a profile there is no zone to place the day in
        }

        var schedule = profile.ToSchedule();
        await metrics.RecordAsync(OutreachSent.Of(task, contact, schedule.LocalDateOf(sentAt), sentAt), schedule.TimeZone, cancellationToken).ConfigureAwait(false);
    }
}
