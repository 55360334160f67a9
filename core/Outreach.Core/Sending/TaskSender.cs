using Outreach.Core.Analytics.Events;
using Outreach.Core.Contacts;
using Outreach.Core.Messaging.Delivery;
using Outreach.Core.Messaging.Templates;
using Outreach.Core.Outcomes;
using Outreach.Core.Planning;
using Outreach.Core.Senders;

namespace Outreach.Core.Sending;

/// <summary>
/// Sends one queued task at most once (design decision 5). Queues deliver at least once, so every delivery re-reads
/// the task and acts on its state: a task already sent is acknowledged; a task claimed by an attempt whose claim went
/// stale goes to needs_review (it may have been sent), never out again, as does a send the server never confirmed.
/// A queued task is re-checked against suppressions, the daily cap and the sending window (either one gives it back
/// to planned for the next opening), reserves its place under the daily cap atomically (given back when the mail is
/// known not to have gone out), is claimed with an ETag-conditional replace that stores its Message-ID, indexed for
/// reply matching, sent, and marked sent (a failure between the claim and the SMTP call gives the claim and the place
/// under the cap back before it is rethrown, so the retry sends). The sender's transport is resolved first: an own SMTP account that cannot be used
/// fails the task unsent (<see cref="SendReasons.SmtpAccountUnusable"/>). A later step's email (or an introduction's nudge) is threaded under the earlier
/// emails of its sequence (<see cref="SequenceThread"/>, read alongside the other reads). The claim also stores the sent
/// message's statistics (<see cref="MessageStats"/>) on the task, for the response model's history.
/// </summary>
public sealed class TaskSender(
    SendStores stores,
    MessageComposer composer,
    IMailTransportProvider transports,
    MetricsRecorder metrics,
    SendingOptions options,
    TimeProvider time)
{
    /// <summary>How long recording the server's answer may take once it came, whatever the attempt's own cancellation says.</summary>
    private static readonly TimeSpan RecordingTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Handles one delivery of <paramref name="request"/>.</summary>
    /// <param name="request">Which task.</param>
    /// <param name="isLastAttempt">True on the queue's last delivery: a transient failure then fails the task instead of retrying.</param>
    /// <param name="cancellationToken">
    /// Cancels the attempt (a claim left behind becomes stale and goes to review); once the server has answered, what it
    /// answered is recorded all the same.
    /// </param>
    public async Task<SendAttempt> SendAsync(SendRequest request, bool isLastAttempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var task = await stores.Tasks.FindAsync(request.OwnerId, request.TaskId, cancellationToken);
        return task switch
        {
            null => SendAttempt.Acknowledge(SendAttemptKind.TaskMissing),
            { Channel: not TaskChannel.Email } => SendAttempt.Acknowledge(SendAttemptKind.NotEmail),
            { State: TaskState.Claimed } => await RecheckClaimAsync(task, isLastAttempt, cancellationToken),
            { State: TaskState.Queued } => await SendQueuedAsync(task, isLastAttempt, cancellationToken),
            _ => SendAttempt.Acknowledge(SendAttemptKind.NotQueued, task.MessageId),
        };
    }

    private async Task<SendAttempt> RecheckClaimAsync(OutreachTask task, bool isLastAttempt, CancellationToken cancellationToken)
    {
        var age = time.GetUtcNow() - (task.ClaimedUtc ?? DateTimeOffset.MinValue);
        if (age < options.StaleClaimAfter && !isLastAttempt)
        {
            return SendAttempt.Again(SendAttemptKind.ClaimInFlight, "claimed by an attempt still in flight", task.MessageId);
        }

        // Stale, or the queue is about to give up on this message: either way nobody will confirm the claim later, so a
        // person decides. (Should the in-flight attempt still finish, its mark-sent loses the race and says so.)
        var reason = age >= options.StaleClaimAfter ? SendReasons.StaleClaim : SendReasons.UnconfirmedClaim;
        var review = task.MoveTo(TaskState.NeedsReview) with { FailureReason = reason };
        return await stores.Tasks.TryReplaceAsync(review, cancellationToken) is null
            ? SendAttempt.Acknowledge(SendAttemptKind.LostClaim, task.MessageId)
            : SendAttempt.Acknowledge(SendAttemptKind.StaleClaim, task.MessageId, reason);
    }

    private async Task<SendAttempt> SendQueuedAsync(OutreachTask task, bool isLastAttempt, CancellationToken cancellationToken)
    {
        // Independent reads run together: on a remote table each is a round trip, and a send is mostly waiting.
        var profileRead = stores.Profiles.GetAsync(task.OwnerId, cancellationToken);
        var contactRead = stores.Contacts.GetAsync(task.OwnerId, task.ContactId, cancellationToken);
        var suppressionsRead = stores.Suppressions.LoadListAsync(task.OwnerId, cancellationToken);
        var activityRead = stores.Activity.GetAsync(task.OwnerId, cancellationToken);
        var templateRead = stores.Templates.ResolveAsync(task.OwnerId, task.Template, cancellationToken);
        var introductionRead = IntroductionDetails.OfAsync(task, stores.Introductions, stores.Contacts, cancellationToken);
        var threadRead = SequenceThread.ReadAsync(task, stores.Tasks, cancellationToken);
        await Task.WhenAll(profileRead, contactRead, suppressionsRead, activityRead, introductionRead, threadRead);
        var (profile, contact, introduction) = (await profileRead, await contactRead, await introductionRead);
        if (profile is null || contact is null || contact.EmailKey is null || (task.IntroductionId is not null && introduction is null))
        {
            var reason = profile is null ? SendReasons.NoSenderProfile
                : contact is null ? SendReasons.ContactMissing
                : contact.EmailKey is null ? SendReasons.NoEmail
                : SendReasons.IntroductionMissing;
            return await FailUnsentAsync(task, reason, cancellationToken);
        }

        var suppressions = await suppressionsRead;
        IReadOnlyList<Contact> recipients = [contact, .. task.AlsoToContactIds.Select(id => introduction?.Person(id)).OfType<Contact>()];
        if (recipients.Any(r => suppressions.IsSuppressed(task.OwnerId, r.ContactId, r.EmailKey)))
        {
            return await stores.Tasks.TryReplaceAsync(task.MoveTo(TaskState.Skipped, SkipReasons.Suppressed), cancellationToken) is null
                ? SendAttempt.Acknowledge(SendAttemptKind.LostClaim)
                : SendAttempt.Acknowledge(SendAttemptKind.Suppressed);
        }

        var schedule = profile.ToSchedule();
        var now = time.GetUtcNow();
        var today = schedule.LocalDateOf(now);
        if (CapIsUsed(profile, await activityRead, today))
        {
            return await GiveBackForCapAsync(task, schedule, today, now, cancellationToken);
        }

        // A message queued before the window closed, a retry, or a backlog after an outage can arrive at night.
        var opening = schedule.NextOpening(now);
        if (opening > now)
        {
            return await GiveBackAsync(task, opening, SendReasons.OutsideWindow, SendAttemptKind.OutsideWindow, now, cancellationToken);
        }

        // Resolved before anything is reserved or claimed: an owner's SMTP account that cannot be used (a password the key
        // ring no longer unseals) fails the task as unsent, naming why, where a claim would leave it "maybe sent" in review.
        MailTransportLease lease;
        try
        {
            lease = transports.ForSender(profile);
        }
        catch (DomainException e)
        {
            return await FailUnsentAsync(task, $"{SendReasons.SmtpAccountUnusable}: {e.Code}", cancellationToken);
        }

        // Held until this attempt is over: an account change meanwhile must not close the pool this send uses.
        using var held = lease;

        OutgoingMessage message;
        string messageId;
        try
        {
            messageId = MessageIds.New(new Messaging.Delivery.EmailAddress(profile.Email).Domain);
            message = composer.Compose(task, contact, profile, await templateRead, messageId, introduction, await threadRead);
        }
        catch (Exception e) when (e is DomainException or ArgumentException)
        {
            return await FailUnsentAsync(task, "unsendable: " + (e is DomainException d ? d.Code : "bad-address"), cancellationToken);
        }

        // The read above is only a cheap early exit: two deliveries of one owner at once both pass it. The reservation
        // checks and counts in one conditional write, so of two racing for the cap's last place only one goes on.
        if (!await stores.Activity.TryReserveSendAsync(task.OwnerId, today, profile.DailyCap, cancellationToken))
        {
            return await GiveBackForCapAsync(task, schedule, today, now, cancellationToken);
        }

        // Measured on the text that goes out, and the recipient as they are now, so the history row this send becomes
        // describes the message it sent to the person it sent it to, whatever later imports change.
        var stats = MessageStats.Measure(new RenderedMessage(message.Subject, message.Text, message.Html), contact, introduction?.Introduction.Reason);
        var claimed = await stores.Tasks.TryReplaceAsync(
            task.MoveTo(TaskState.Claimed) with
            {
                ClaimedUtc = now, MessageId = messageId, FailureReason = null, MessageStats = stats, RecipientAtSend = new RecipientAtSend(contact.Position),
            },
            cancellationToken);
        if (claimed is null)
        {
            await stores.Activity.ReleaseSendAsync(task.OwnerId, today, cancellationToken);
            return SendAttempt.Acknowledge(SendAttemptKind.LostClaim);
        }

        // Indexed before the SMTP call, so even a reply that arrives before the task is marked sent finds its task.
        var senderKey = ContactKeys.EmailKey(profile.Email);
        try
        {
            await stores.SentMessages.RecordAsync(messageId, new SentMessageRef(task.OwnerId, task.TaskId, task.ContactId, senderKey), cancellationToken);
        }
        catch (Exception)
        {
            // Nothing reached SMTP: the claim and the place under the cap go back before the failure is rethrown, so the
            // retry it causes sends the message instead of finding a claim nobody confirms and sending it to review.
            await GiveBackUnsentAsync(claimed, today);
            throw;
        }

        var result = await held.Transport.SendAsync(message, cancellationToken);

        // What the server answered is recorded even when the attempt is being cancelled now (the host stopping, the
        // function's time running out): a message it accepted is out, and a task left claimed would go to review as
        // possibly sent, its send uncounted. Bounded, so storage that does not answer cannot hold the attempt forever.
        using var recording = new CancellationTokenSource(RecordingTimeout, time);
        var recordingToken = recording.Token;
        if (result.Kind is not (SendResultKind.Sent or SendResultKind.Unconfirmed))
        {
            // Known not to have gone out: the place under the cap goes back for the retry or the next task. (A send
            // that may have gone out, or an attempt that stopped mid-call, keeps it: the mailbox may have sent it.)
            await stores.Activity.ReleaseSendAsync(task.OwnerId, today, recordingToken);
        }

        return result.Kind switch
        {
            SendResultKind.Sent => await MarkSentAsync(claimed, contact, profile, RecipientRefusals.RefusedOf(recipients, result), recordingToken),
            SendResultKind.Transient when !isLastAttempt => await ReleaseForRetryAsync(claimed, result, recordingToken),
            SendResultKind.Transient => await FailClaimedAsync(claimed, SendAttemptKind.GaveUp, SendReasons.Of(result), retry: true, recordingToken),
            SendResultKind.Rejected => await RejectRecipientsAsync(claimed, RecipientRefusals.RefusedOf(recipients, result), result, recordingToken),
            SendResultKind.Unconfirmed => await ReviewUnconfirmedAsync(claimed, recordingToken),
            _ => await FailClaimedAsync(claimed, SendAttemptKind.Failed, SendReasons.Of(result), retry: false, recordingToken),
        };
    }

    private static bool CapIsUsed(SenderProfile profile, SenderActivity activity, DateOnly today)
    {
        var sentToday = activity.LocalDay == today ? activity.SentThatDay : 0;
        return sentToday >= profile.DailyCap;
    }

    private Task<SendAttempt> GiveBackForCapAsync(OutreachTask task, SenderSchedule schedule, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken) =>
        GiveBackAsync(task, schedule.OpeningOfNextSendingDayAfter(today), SendReasons.DailyCap, SendAttemptKind.CapReached, now, cancellationToken);

    /// <summary>Queued → planned, due at <paramref name="dueUtc"/> and re-indexed, so the dispatcher queues it again then.</summary>
    private async Task<SendAttempt> GiveBackAsync(
        OutreachTask task, DateTimeOffset dueUtc, string reason, SendAttemptKind kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var planned = task.MoveTo(TaskState.Planned) with { DueUtc = dueUtc, FailureReason = reason };

        // Indexed before the state write: a failure in between leaves the task queued, for the queue's retry to give back
        // again, where indexing after it could leave a planned task that no dispatcher run ever reads (nor the stuck-send
        // sweeper, which ends its watch on a planned task). An entry whose write below loses is dropped by the dispatcher
        // when it finds the task no longer pending.
        await stores.DueIndex.UpsertAsync(DueIndexEntry.For(planned, now), cancellationToken);
        if (await stores.Tasks.TryReplaceAsync(planned, cancellationToken) is null)
        {
            return SendAttempt.Acknowledge(SendAttemptKind.LostClaim);
        }

        return SendAttempt.Acknowledge(kind, reason: reason);
    }

    private async Task<SendAttempt> MarkSentAsync(
        OutreachTask claimed, Contact contact, SenderProfile profile, IReadOnlyList<Contact> refused, CancellationToken cancellationToken)
    {
        var sentAt = time.GetUtcNow();
        var schedule = profile.ToSchedule();
        var marked = await stores.Tasks.TryReplaceAsync(claimed.MoveTo(TaskState.Sent) with { SentUtc = sentAt }, cancellationToken);

        // An introduction can go out to A while B's address is refused for good: B bounced all the same.
        await new RecipientRefusals(stores).RecordAsync(claimed, refused, sentAt, cancellationToken);
        if (marked is null)
        {
            // The message went out but someone changed the task meanwhile (e.g. a person reviewing it): do not retry.
            return SendAttempt.Acknowledge(SendAttemptKind.LostClaim, claimed.MessageId, "sent, but the task changed before it was marked");
        }

        var localDay = schedule.LocalDateOf(sentAt);
        await Task.WhenAll(
            stores.Activity.RecordReservedSentAsync(profile.OwnerId, sentAt, cancellationToken), // counted when reserved
            metrics.RecordAsync(OutreachSent.Of(claimed, contact, localDay, sentAt), schedule.TimeZone, cancellationToken));
        return SendAttempt.Acknowledge(SendAttemptKind.Sent, claimed.MessageId);
    }

    private async Task<SendAttempt> ReleaseForRetryAsync(OutreachTask claimed, SendResult result, CancellationToken cancellationToken)
    {
        // Known not delivered, so the claim is released (claimed → failed → queued) and the next delivery may send.
        var reason = SendReasons.Of(result);
        // Dated now: the queue's next delivery comes shortly, and the stuck-send sweeper counts from it.
        var released = claimed.MoveTo(TaskState.Failed).MoveTo(TaskState.Queued) with
        {
            ClaimedUtc = null, MessageId = null, FailureReason = reason, SendAtUtc = time.GetUtcNow(),
        };
        await stores.Tasks.TryReplaceAsync(released, cancellationToken);
        return SendAttempt.Again(SendAttemptKind.RetryLater, reason, claimed.MessageId);
    }

    /// <summary>Claimed → queued (through failed) and the reservation released: the claim's attempt stopped before SMTP.</summary>
    private async Task GiveBackUnsentAsync(OutreachTask claimed, DateOnly reservedDay)
    {
        // Not the attempt's token: a cancelled attempt gives back what it took all the same.
        var queued = claimed.MoveTo(TaskState.Failed).MoveTo(TaskState.Queued) with { ClaimedUtc = null, MessageId = null, SendAtUtc = time.GetUtcNow() };
        await stores.Tasks.TryReplaceAsync(queued, CancellationToken.None);
        await stores.Activity.ReleaseSendAsync(claimed.OwnerId, reservedDay, CancellationToken.None);
    }

    private async Task<SendAttempt> ReviewUnconfirmedAsync(OutreachTask claimed, CancellationToken cancellationToken)
    {
        // The server may hold the message: releasing the claim would let the redelivery send it a second time.
        var review = claimed.MoveTo(TaskState.NeedsReview) with { FailureReason = SendReasons.UnconfirmedDelivery };
        return await stores.Tasks.TryReplaceAsync(review, cancellationToken) is null
            ? SendAttempt.Acknowledge(SendAttemptKind.LostClaim, claimed.MessageId)
            : SendAttempt.Acknowledge(SendAttemptKind.Unconfirmed, claimed.MessageId, SendReasons.UnconfirmedDelivery);
    }

    private async Task<SendAttempt> RejectRecipientsAsync(OutreachTask claimed, IReadOnlyList<Contact> refused, SendResult result, CancellationToken cancellationToken)
    {
        // The refusal is recorded first (the address suppressed, the contact's pending steps stopped; the claimed task
        // itself is not pending, so it keeps its version): once the task reads failed, nothing of the refusal is missing,
        // and a process stopped in between leaves a claimed task, not a failed one whose bounce was never recorded.
        var reason = SendReasons.Of(result);
        await new RecipientRefusals(stores).RecordAsync(claimed, refused, time.GetUtcNow(), cancellationToken);
        await stores.Tasks.TryReplaceAsync(claimed.MoveTo(TaskState.Failed) with { FailureReason = reason }, cancellationToken);
        return SendAttempt.Acknowledge(SendAttemptKind.Rejected, claimed.MessageId, reason);
    }

    private async Task<SendAttempt> FailClaimedAsync(OutreachTask claimed, SendAttemptKind kind, string reason, bool retry, CancellationToken cancellationToken)
    {
        await stores.Tasks.TryReplaceAsync(claimed.MoveTo(TaskState.Failed) with { FailureReason = reason }, cancellationToken);
        return new SendAttempt(kind, retry, claimed.MessageId, reason);
    }

    private async Task<SendAttempt> FailUnsentAsync(OutreachTask task, string reason, CancellationToken cancellationToken)
    {
        // queued → claimed → failed in one conditional write: failed is where the owner sees the reason and can re-queue.
        var failed = task.MoveTo(TaskState.Claimed).MoveTo(TaskState.Failed) with { FailureReason = reason };
        return await stores.Tasks.TryReplaceAsync(failed, cancellationToken) is null
            ? SendAttempt.Acknowledge(SendAttemptKind.LostClaim)
            : SendAttempt.Acknowledge(SendAttemptKind.Unsendable, reason: reason);
    }
}
