using Outreach.Core.Introductions;
using Outreach.Core.Analytics.Counters;
using Outreach.Core.Analytics.Events;
using Outreach.Core.Contacts;
using Outreach.Core.Messaging.Delivery;
using Outreach.Core.Messaging.Templates;
using Outreach.Core.Messaging.Tokens;
using Outreach.Core.Planning;
using Outreach.Core.Senders;
using Outreach.Core.Sending;
using Outreach.Testing.Time;

namespace Outreach.Core.Tests.Sending;

/// <summary>The send decisions on in-memory stores and a scripted transport (the Azurite + maildev path is in the function tests).</summary>
public sealed class TaskSenderTests
{
    private const string Owner = "owner-1";
    private static readonly DateTimeOffset Wednesday10 = new(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);

    private readonly ManualTimeProvider _clock = new(Wednesday10);
    private readonly InMemoryTaskStore _tasks = new();
    private readonly InMemoryDueIndex _dueIndex = new();
    private readonly InMemorySuppressionStore _suppressions = new();
    private readonly InMemorySenderActivityStore _activity = new();
    private readonly InMemoryContactDirectory _contacts = new();
    private readonly InMemorySenderProfileStore _profiles = new();
    private readonly InMemorySentMessageLog _sent = new();
    private readonly InMemoryCounterStore _counters = new();
    private readonly ScriptedTransport _transport = new();
    private readonly Contact _ann = new() { OwnerId = Owner, ContactId = "c-ann", FirstName = "Ann", Email = "Ann@Example.org" };
    private Introduction? _introduction;

    [Fact]
    public async Task A_queued_task_is_claimed_indexed_sent_and_marked_with_its_message_id()
    {
        var task = await SeedAsync();

        var attempt = await SendAsync(task);

        var stored = await ReloadAsync(task);
        var message = Assert.Single(_transport.Messages);
        Assert.Equal((SendAttemptKind.Sent, false), (attempt.Kind, attempt.Retry));
        Assert.Equal((TaskState.Sent, message.MessageId, Wednesday10), (stored.State, stored.MessageId, stored.SentUtc));
        Assert.Equal(new Core.Outcomes.SentMessageRef(Owner, task.TaskId, "c-ann", "sam@uni.example"), await _sent.FindByMessageIdAsync(message.MessageId, default));
        Assert.Equal(new SenderActivity(new DateOnly(2026, 11, 18), 1, Wednesday10), await _activity.GetAsync(Owner, default));
    }

    [Fact]
    public async Task A_recipient_stored_in_capitals_is_named_on_the_to_line_as_the_note_greets_them()
    {
        await _profiles.SaveAsync(new SenderProfile { OwnerId = Owner, FirstName = "Sam", Email = "sam@uni.example" }, default);
        var shouted = _ann with { FirstName = "ANN", LastName = "O'NEIL-SMITH" };
        await _contacts.WriteAsync(Owner, [shouted], default);
        var task = SendScenarioTask(shouted);
        Assert.True(await _tasks.TryAddAsync(task, default));

        await SendAsync(task);

        var message = Assert.Single(_transport.Messages);
        Assert.Equal("Ann O'Neil-Smith", Assert.Single(message.To).DisplayName);
        Assert.StartsWith("Hi Ann,", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follow_up_is_threaded_under_the_thank_you_sent_before_it_and_keeps_its_own_subject()
    {
        var thankYou = await SeedAsync();
        var followUp = SendScenarioTask(_ann) with
        {
            TaskId = TaskIds.ForCampaignStep(Owner, "class-visit", _ann.ContactId, "follow-up"), StepId = "follow-up", Template = TemplateKind.FollowUp,
        };
        Assert.True(await _tasks.TryAddAsync(followUp, default));

        await SendAsync(thankYou);
        await SendAsync(followUp);

        Assert.Equal(2, _transport.Messages.Count);
        var (first, second) = (_transport.Messages[0], _transport.Messages[1]);
        Assert.DoesNotContain(first.Headers, h => h.Key is "In-Reply-To" or "References");
        Assert.Equal(
            [new("In-Reply-To", first.MessageId), new KeyValuePair<string, string>("References", first.MessageId)],
            second.Headers);
        Assert.Equal((await ReloadAsync(thankYou)).MessageId, first.MessageId);
        Assert.Equal("Following up", second.Subject); // what the template wrote: no "Re:" added
    }

    [Fact]
    public async Task A_sender_whose_mailbox_has_an_internationalised_domain_can_send()
    {
        // PUT /api/sender accepts "sam@universität.example"; its Message-IDs carry the domain's IDNA form.
        var task = await SeedAsync(senderEmail: "sam@universität.example");

        var attempt = await SendAsync(task);

        Assert.Equal((SendAttemptKind.Sent, (string?)null), (attempt.Kind, attempt.Reason));
        var message = Assert.Single(_transport.Messages);
        Assert.EndsWith("@xn--universitt-y5a.example>", message.MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_already_sent_is_acknowledged_without_sending_again()
    {
        var task = await SeedAsync();
        await SendAsync(task);

        var again = await SendAsync(task);

        Assert.Equal((SendAttemptKind.NotQueued, false), (again.Kind, again.Retry));
        Assert.Single(_transport.Messages);
    }

    [Fact]
    public async Task A_fresh_claim_is_retried_later_and_a_stale_one_goes_to_review_without_sending()
    {
        var task = await SeedAsync();
        await _tasks.TryReplaceAsync((await ReloadAsync(task)).MoveTo(TaskState.Claimed) with { ClaimedUtc = Wednesday10, MessageId = "<x@uni.example>" }, default);

        var early = await SendAsync(task);
        _clock.Advance(TimeSpan.FromMinutes(10));
        var late = await SendAsync(task);

        Assert.Equal((SendAttemptKind.ClaimInFlight, true), (early.Kind, early.Retry));
        Assert.Equal((SendAttemptKind.StaleClaim, false), (late.Kind, late.Retry));
        Assert.Equal((TaskState.NeedsReview, SendReasons.StaleClaim), ((await ReloadAsync(task)).State, (await ReloadAsync(task)).FailureReason));
        Assert.Empty(_transport.Messages);
    }

    [Fact]
    public async Task A_fresh_claim_found_on_the_last_delivery_goes_to_review_rather_than_to_the_poison_queue_still_claimed()
    {
        var task = await SeedAsync();
        await _tasks.TryReplaceAsync((await ReloadAsync(task)).MoveTo(TaskState.Claimed) with { ClaimedUtc = Wednesday10, MessageId = "<x@uni.example>" }, default);

        var last = await SendAsync(task, isLastAttempt: true);

        Assert.Equal((SendAttemptKind.StaleClaim, false), (last.Kind, last.Retry));
        Assert.Equal((TaskState.NeedsReview, SendReasons.UnconfirmedClaim), ((await ReloadAsync(task)).State, (await ReloadAsync(task)).FailureReason));
        Assert.Empty(_transport.Messages);
    }

    [Fact]
    public async Task A_suppressed_address_skips_the_task_at_send_time()
    {
        var task = await SeedAsync();
        await _suppressions.AddAsync(SuppressionEntry.ForEmail(Owner, "ann@example.org", "unsubscribed", Wednesday10), default);

        var attempt = await SendAsync(task);

        Assert.Equal(SendAttemptKind.Suppressed, attempt.Kind);
        Assert.Equal((TaskState.Skipped, SkipReasons.Suppressed), ((await ReloadAsync(task)).State, (await ReloadAsync(task)).SkipReason));
        Assert.Empty(_transport.Messages);
    }

    [Fact]
    public async Task A_used_daily_cap_gives_the_task_back_for_the_next_window_opening_and_indexes_it()
    {
        var task = await SeedAsync(dailyCap: 2);
        await _activity.RecordSendAsync(Owner, new DateOnly(2026, 11, 18), Wednesday10.AddHours(-1), default);
        await _activity.RecordSendAsync(Owner, new DateOnly(2026, 11, 18), Wednesday10.AddHours(-1), default);

        var attempt = await SendAsync(task);

        var stored = await ReloadAsync(task);
        var thursdayOpening = new DateTimeOffset(new DateOnly(2026, 11, 19), SendingWindow.Weekdays.Opens, TimeSpan.Zero);
        Assert.Equal(SendAttemptKind.CapReached, attempt.Kind);
        Assert.Equal((TaskState.Planned, thursdayOpening), (stored.State, stored.DueUtc));
        var entry = Assert.Single(await _dueIndex.ReadBucketAsync(DueIndexEntry.For(stored, Wednesday10).BucketKey, default));
        Assert.Equal((task.TaskId, thursdayOpening), (entry.TaskId, entry.DueUtc));
        Assert.Empty(_transport.Messages);
    }

    [Fact]
    public async Task A_storage_failure_while_giving_a_task_back_for_the_cap_leaves_it_queued_for_the_retry_not_planned_without_an_entry()
    {
        // The due-index write fails (a storage outage) while the delivery gives the task back: had the task been moved to
        // planned first, no dispatcher run would ever read it again and the retry would find it no longer queued.
        var task = await SeedAsync(dailyCap: 1);
        await _activity.RecordSendAsync(Owner, new DateOnly(2026, 11, 18), Wednesday10.AddHours(-1), default);
        var index = new FailingOnceDueIndex(_dueIndex);

        await Assert.ThrowsAsync<IOException>(() => CreateSender(dueIndex: index).SendAsync(new SendRequest(task.OwnerId, task.TaskId), false, default));
        Assert.Equal(TaskState.Queued, (await ReloadAsync(task)).State);

        var retry = await CreateSender(dueIndex: index).SendAsync(new SendRequest(task.OwnerId, task.TaskId), false, default);

        var stored = await ReloadAsync(task);
        var thursdayOpening = new DateTimeOffset(new DateOnly(2026, 11, 19), SendingWindow.Weekdays.Opens, TimeSpan.Zero);
        Assert.Equal((SendAttemptKind.CapReached, TaskState.Planned, thursdayOpening), (retry.Kind, stored.State, stored.DueUtc));
        var entry = Assert.Single(await _dueIndex.ReadBucketAsync(DueIndexEntry.For(stored, Wednesday10).BucketKey, default));
        Assert.Equal((task.TaskId, thursdayOpening), (entry.TaskId, entry.DueUtc));
        Assert.Empty(_transport.Messages);
    }

    [Fact]
    public async Task Two_deliveries_of_one_owner_at_once_with_a_cap_of_one_send_only_one()
    {
        var first = await SeedAsync(dailyCap: 1);
        var bob = new Contact { OwnerId = Owner, ContactId = "c-bob", FirstName = "Bob", Email = "Bob@Example.org" };
        await _contacts.WriteAsync(Owner, [_ann, bob], default);
        var second = SendScenarioTask(bob);
        Assert.True(await _tasks.TryAddAsync(second, default));

        // Both deliveries read the day's count (zero) before either goes on, as two queue messages handled at once do.
        var sender = CreateSender(new ReadTogetherActivityStore(_activity, readers: 2));
        var attempts = await Task.WhenAll(
            Task.Run(() => sender.SendAsync(new SendRequest(Owner, first.TaskId), false, default)),
            Task.Run(() => sender.SendAsync(new SendRequest(Owner, second.TaskId), false, default)));

        Assert.Equal([SendAttemptKind.Sent, SendAttemptKind.CapReached], attempts.Select(a => a.Kind).Order());
        Assert.Single(_transport.Messages);
        Assert.Equal(1, (await _activity.GetAsync(Owner, default)).SentThatDay);
    }

    [Fact]
    public async Task A_send_the_server_refused_for_now_gives_its_place_under_the_cap_back_for_the_retry()
    {
        var task = await SeedAsync(dailyCap: 1);
        _transport.Then(SendResultKind.Transient, 451);

        var refused = await SendAsync(task);
        var retried = await SendAsync(task);

        Assert.Equal((SendAttemptKind.RetryLater, SendAttemptKind.Sent), (refused.Kind, retried.Kind));
        Assert.Equal(new SenderActivity(new DateOnly(2026, 11, 18), 1, Wednesday10), await _activity.GetAsync(Owner, default));
    }

    [Fact]
    public async Task A_queued_message_delivered_outside_the_sending_window_goes_back_to_planned_for_the_next_opening()
    {
        // Queued before the window closed, a transient retry, or a backlog after an outage: delivered at 03:00.
        var task = await SeedAsync();
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 19, 3, 0, 0, TimeSpan.Zero));

        var attempt = await SendAsync(task);

        var stored = await ReloadAsync(task);
        var thursdayOpening = new DateTimeOffset(new DateOnly(2026, 11, 19), SendingWindow.Weekdays.Opens, TimeSpan.Zero);
        Assert.Equal((SendAttemptKind.OutsideWindow, false), (attempt.Kind, attempt.Retry));
        Assert.Equal((TaskState.Planned, thursdayOpening, SendReasons.OutsideWindow), (stored.State, stored.DueUtc, stored.FailureReason));
        var entry = Assert.Single(await _dueIndex.ReadBucketAsync(DueIndexEntry.For(stored, _clock.GetUtcNow()).BucketKey, default));
        Assert.Equal((task.TaskId, thursdayOpening), (entry.TaskId, entry.DueUtc));
        Assert.Empty(_transport.Messages);
    }

    [Fact]
    public async Task A_transient_failure_releases_the_claim_and_asks_for_a_retry()
    {
        var task = await SeedAsync();
        _transport.Then(SendResultKind.Transient, 451);

        var attempt = await SendAsync(task);

        var stored = await ReloadAsync(task);
        Assert.Equal((SendAttemptKind.RetryLater, true), (attempt.Kind, attempt.Retry));
        Assert.Equal((TaskState.Queued, "smtp-transient (451)", null), (stored.State, stored.FailureReason, stored.ClaimedUtc));
        Assert.Equal(_clock.GetUtcNow(), stored.SendAtUtc); // the retry is due now: the stuck-send sweeper counts from here
        Assert.Equal(SendAttemptKind.Sent, (await SendAsync(task)).Kind);
    }

    [Fact]
    public async Task A_send_the_server_accepted_as_the_attempt_was_cancelled_is_still_marked_sent_and_counted()
    {
        // The host stops (or the function's time runs out) while the server says 250: the message is out, so the task
        // must read sent, not stay claimed for the sweeper to send to review as possibly sent.
        var task = await SeedAsync();

        var attempt = await SendCancelledAsTheServerAnswersAsync(task, message => SendResult.Sent(message.MessageId));

        var stored = await ReloadAsync(task);
        Assert.Equal(SendAttemptKind.Sent, attempt.Kind);
        Assert.Equal((TaskState.Sent, Wednesday10), (stored.State, stored.SentUtc));
        Assert.Equal(1, (await _activity.GetAsync(Owner, default)).SentThatDay);
    }

    [Fact]
    public async Task A_refusal_for_now_that_came_as_the_attempt_was_cancelled_still_gives_the_claim_back_for_the_retry()
    {
        var task = await SeedAsync();

        var attempt = await SendCancelledAsTheServerAnswersAsync(task, message => new SendResult(SendResultKind.Transient, message.MessageId, 451, "try again later"));

        var stored = await ReloadAsync(task);
        Assert.Equal((SendAttemptKind.RetryLater, true), (attempt.Kind, attempt.Retry));
        Assert.Equal((TaskState.Queued, null), (stored.State, stored.ClaimedUtc));
    }

    [Fact]
    public async Task A_storage_failure_after_the_claim_and_before_the_smtp_call_gives_the_task_back_unsent_for_the_retry()
    {
        // The Message-ID index write fails (a storage outage): nothing reached SMTP, so the task must not look "maybe sent".
        var task = await SeedAsync();
        var sent = new FailingOnceSentMessageLog(_sent);

        await Assert.ThrowsAsync<IOException>(() => CreateSender(sentMessages: sent).SendAsync(new SendRequest(task.OwnerId, task.TaskId), false, default));

        var stored = await ReloadAsync(task);
        Assert.Equal((TaskState.Queued, (DateTimeOffset?)null, (string?)null), (stored.State, stored.ClaimedUtc, stored.MessageId));
        Assert.Equal(_clock.GetUtcNow(), stored.SendAtUtc);
        Assert.Equal(0, (await _activity.GetAsync(Owner, default)).SentThatDay);
        Assert.Empty(_transport.Messages);
        Assert.Equal(SendAttemptKind.Sent, (await CreateSender(sentMessages: sent).SendAsync(new SendRequest(task.OwnerId, task.TaskId), false, default)).Kind);
        Assert.Single(_transport.Messages);
        Assert.Equal(1, (await _activity.GetAsync(Owner, default)).SentThatDay);
    }

    [Fact]
    public async Task A_transient_failure_on_the_last_attempt_fails_the_task_and_still_fails_the_message_for_the_poison_queue()
    {
        var task = await SeedAsync();
        _transport.Then(SendResultKind.Transient);

        var attempt = await SendAsync(task, isLastAttempt: true);

        Assert.Equal((SendAttemptKind.GaveUp, true), (attempt.Kind, attempt.Retry));
        Assert.Equal((TaskState.Failed, "smtp-transient"), ((await ReloadAsync(task)).State, (await ReloadAsync(task)).FailureReason));
    }

    [Fact]
    public async Task A_send_the_server_never_confirmed_goes_to_review_and_is_never_retried()
    {
        var task = await SeedAsync();
        _transport.Then(SendResultKind.Unconfirmed);

        var attempt = await SendAsync(task);
        var redelivery = await SendAsync(task);

        var stored = await ReloadAsync(task);
        Assert.Equal((SendAttemptKind.Unconfirmed, false), (attempt.Kind, attempt.Retry));
        Assert.Equal((TaskState.NeedsReview, SendReasons.UnconfirmedDelivery, attempt.MessageId), (stored.State, stored.FailureReason, stored.MessageId));
        Assert.Equal(SendAttemptKind.NotQueued, redelivery.Kind);
        Assert.Single(_transport.Messages);
    }

    [Fact]
    public async Task Our_side_failing_fails_the_task_without_a_retry_and_without_suppressing_anyone()
    {
        var task = await SeedAsync();
        _transport.Then(SendResultKind.Failed, 535);

        var attempt = await SendAsync(task);

        Assert.Equal((SendAttemptKind.Failed, false), (attempt.Kind, attempt.Retry));
        Assert.Equal((TaskState.Failed, "smtp-failed (535)"), ((await ReloadAsync(task)).State, (await ReloadAsync(task)).FailureReason));
        Assert.Empty(await _suppressions.ListAsync(Owner, default));
    }

    [Fact]
    public async Task A_failure_the_transport_recognised_fails_the_task_for_good_naming_the_cause()
    {
        var task = await SeedAsync();
        _transport.Then(SendResultKind.Failed, cause: SendFailureCauses.NonAsciiAddress);

        var attempt = await SendAsync(task);

        Assert.Equal((SendAttemptKind.Failed, false), (attempt.Kind, attempt.Retry));
        Assert.Equal((TaskState.Failed, "smtp-failed: " + SendFailureCauses.NonAsciiAddress), ((await ReloadAsync(task)).State, (await ReloadAsync(task)).FailureReason));
        Assert.Empty(await _suppressions.ListAsync(Owner, default));
    }

    [Fact]
    public async Task An_introduction_refused_for_b_alone_is_sent_and_suppresses_b_and_stops_bs_pending_email_steps()
    {
        // The classifier returns Sent with B's 550 in Rejections: A got the message, so it must not go out again.
        var (task, bob) = await SeedIntroductionAsync();
        var bobsFollowUp = SendScenarioTask(bob) with { State = TaskState.Planned };
        Assert.True(await _tasks.TryAddAsync(bobsFollowUp, default));
        _transport.Then(m => new SendResult(SendResultKind.Sent, m.MessageId) { Rejections = [new RecipientRejection(m.To[1], 550)] });

        var attempt = await SendAsync(task);

        Assert.Equal((SendAttemptKind.Sent, TaskState.Sent), (attempt.Kind, (await ReloadAsync(task)).State));
        var suppressions = await _suppressions.LoadListAsync(Owner, default);
        Assert.True(suppressions.IsSuppressed(Owner, bob.ContactId, bob.EmailKey), "B's address was refused with 550");
        Assert.False(suppressions.IsSuppressed(Owner, _ann.ContactId, _ann.EmailKey), "A got the message");
        Assert.Equal((TaskState.Skipped, SkipReasons.Bounced), ((await ReloadAsync(bobsFollowUp)).State, (await ReloadAsync(bobsFollowUp)).SkipReason));
    }

    [Fact]
    public async Task A_refusal_that_cannot_be_recorded_leaves_the_task_claimed_not_failed_with_its_bounce_missing()
    {
        // Failed is what a reader takes as "the refusal is settled": it must never be seen with the address unsuppressed.
        var task = await SeedAsync();
        _transport.Then(m => new SendResult(SendResultKind.Rejected, m.MessageId, 550) { Rejections = [.. m.To.Select(to => new RecipientRejection(to, 550))] });
        var sender = CreateSender(suppressions: new UnwritableSuppressions(_suppressions));

        await Assert.ThrowsAsync<IOException>(() => sender.SendAsync(new SendRequest(Owner, task.TaskId), isLastAttempt: false, CancellationToken.None));

        Assert.Equal(TaskState.Claimed, (await ReloadAsync(task)).State);
    }

    [Fact]
    public async Task An_introduction_refused_for_both_fails_and_suppresses_both_addresses()
    {
        var (task, bob) = await SeedIntroductionAsync();
        _transport.Then(m => new SendResult(SendResultKind.Rejected, m.MessageId, 550) { Rejections = [.. m.To.Select(to => new RecipientRejection(to, 550))] });

        var attempt = await SendAsync(task);

        Assert.Equal((SendAttemptKind.Rejected, TaskState.Failed), (attempt.Kind, (await ReloadAsync(task)).State));
        Assert.Equal(
            ["email:ann@example.org", "email:bob@example.org"],
            (await _suppressions.ListAsync(Owner, default)).Select(s => s.Key).Order());
    }

    [Fact]
    public async Task A_missing_contact_fails_the_task_with_the_reason_and_sends_nothing()
    {
        var task = await SeedAsync();
        var orphan = SendScenarioTask(_ann with { ContactId = "c-gone" });
        await _tasks.TryAddAsync(orphan, default);

        var attempt = await SendAsync(orphan);

        Assert.Equal(SendAttemptKind.Unsendable, attempt.Kind);
        Assert.Equal((TaskState.Failed, SendReasons.ContactMissing), ((await ReloadAsync(orphan)).State, (await ReloadAsync(orphan)).FailureReason));
        Assert.Empty(_transport.Messages);
        Assert.Equal(TaskState.Queued, (await ReloadAsync(task)).State);
    }

    [Fact]
    public async Task A_linkedin_draft_is_never_sent_by_email()
    {
        await SeedAsync();
        var draft = SendScenarioTask(_ann) with { TaskId = "draft", Channel = TaskChannel.LinkedIn, State = TaskState.Planned };
        await _tasks.TryAddAsync(draft, default);

        var attempt = await SendAsync(draft);

        Assert.Equal((SendAttemptKind.NotEmail, false), (attempt.Kind, attempt.Retry));
        Assert.Empty(_transport.Messages);
    }

    private Task<SendAttempt> SendAsync(OutreachTask task, bool isLastAttempt = false) =>
        CreateSender().SendAsync(new SendRequest(task.OwnerId, task.TaskId), isLastAttempt, default);

    /// <summary>Sends <paramref name="task"/> in an attempt that is cancelled (the host stopping) just as the server gives <paramref name="answer"/>.</summary>
    private async Task<SendAttempt> SendCancelledAsTheServerAnswersAsync(OutreachTask task, Func<OutgoingMessage, SendResult> answer)
    {
        using var stopping = new CancellationTokenSource();
        _transport.Then(message =>
        {
            stopping.Cancel();
            return answer(message);
        });
        return await CreateSender().SendAsync(new SendRequest(task.OwnerId, task.TaskId), isLastAttempt: false, stopping.Token);
    }

    private async Task<OutreachTask> ReloadAsync(OutreachTask task) => (await _tasks.FindAsync(task.OwnerId, task.TaskId, default))!;

    private async Task<OutreachTask> SeedAsync(int dailyCap = 40, string senderEmail = "Sam@Uni.Example")
    {
        await _profiles.SaveAsync(new SenderProfile { OwnerId = Owner, FirstName = "Sam", Email = senderEmail, DailyCap = dailyCap }, default);
        await _contacts.WriteAsync(Owner, [_ann], default);
        var task = SendScenarioTask(_ann);
        Assert.True(await _tasks.TryAddAsync(task, default));
        return task;
    }

    private async Task<(OutreachTask Task, Contact Bob)> SeedIntroductionAsync()
    {
        await SeedAsync();
        var bob = new Contact { OwnerId = Owner, ContactId = "c-bob", FirstName = "Bob", Email = "Bob@Example.org" };
        await _contacts.WriteAsync(Owner, [_ann, bob], default);
        _introduction = new Introduction
        {
            IntroductionId = "i1", OwnerId = Owner, PersonAContactId = _ann.ContactId, PersonBContactId = bob.ContactId, Reason = "both price data",
            ConsentToken = "secret", State = IntroductionState.Introduced, RequestedAt = Wednesday10.AddDays(-2), ConsentDeadline = Wednesday10.AddDays(5),
        };
        var task = SendScenarioTask(_ann) with
        {
            TaskId = "intro-task", AlsoToContactIds = [bob.ContactId], IntroductionId = "i1", CampaignId = "introduction", StepId = "intro", Template = TemplateKind.Intro,
        };
        Assert.True(await _tasks.TryAddAsync(task, default));
        return (task, bob);
    }

    private static OutreachTask SendScenarioTask(Contact contact) => new()
    {
        TaskId = TaskIds.ForCampaignStep(Owner, "class-visit", contact.ContactId, "thank-you"),
        OwnerId = Owner,
        ContactId = contact.ContactId,
        CampaignId = "class-visit",
        StepId = "thank-you",
        Template = TemplateKind.ThankYou,
        EmailKey = contact.EmailKey,
        Channel = TaskChannel.Email,
        DueUtc = Wednesday10,
        State = TaskState.Queued,
    };

    private TaskSender CreateSender(
        ISenderActivityStore? activity = null, ISentMessageLog? sentMessages = null, IDueIndex? dueIndex = null, ISuppressionStore? suppressions = null)
    {
        var keys = new SigningKeyRing("k1", new Dictionary<string, byte[]> { ["k1"] = new byte[32] });
        var options = new SendingOptions { PublicBaseUrl = new Uri("https://outreach.example/"), ReplyDomain = "in.outreach.example" };
        var stores = new SendStores(_tasks, dueIndex ?? _dueIndex, suppressions ?? _suppressions, activity ?? _activity, _contacts, _profiles, sentMessages ?? _sent, new TemplateResolver(new InMemoryTemplateStore()), new Introductions(_introduction));
        var tokens = new SignedTokenService(keys, _clock);
        var composer = new MessageComposer(new TemplateRenderer(), tokens, new ReplyAddressTokens(keys), new ConsentLinks(tokens, options, _clock), options);
        return new TaskSender(stores, composer, _transport, new MetricsRecorder(_counters), options, _clock);
    }

    /// <summary>The suppression store whose writes fail as a storage outage would; reads go through.</summary>
    private sealed class UnwritableSuppressions(ISuppressionStore inner) : ISuppressionStore
    {
        public Task AddAsync(SuppressionEntry entry, CancellationToken cancellationToken) => throw new IOException("The storage account did not answer.");

        public Task<bool> RemoveAsync(string ownerId, string key, CancellationToken cancellationToken) => inner.RemoveAsync(ownerId, key, cancellationToken);

        public Task<IReadOnlyList<SuppressionEntry>> ListAsync(string ownerId, CancellationToken cancellationToken) => inner.ListAsync(ownerId, cancellationToken);
    }

    /// <summary>The due index whose first write fails as a storage outage would; later writes go through.</summary>
    private sealed class FailingOnceDueIndex(IDueIndex inner) : IDueIndex
    {
        private int _writes;

        public Task UpsertAsync(DueIndexEntry entry, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _writes) == 1 ? throw new IOException("The storage account did not answer.") : inner.UpsertAsync(entry, cancellationToken);

        public Task RemoveAsync(DueIndexEntry entry, CancellationToken cancellationToken) => inner.RemoveAsync(entry, cancellationToken);

        public Task<IReadOnlyList<DueIndexEntry>> ReadBucketAsync(string bucketKey, CancellationToken cancellationToken) =>
            inner.ReadBucketAsync(bucketKey, cancellationToken);
    }

    /// <summary>The sent-message index whose first write fails as a storage outage would; later writes go through.</summary>
    private sealed class FailingOnceSentMessageLog(ISentMessageLog inner) : ISentMessageLog
    {
        private int _writes;

        public Task RecordAsync(string messageId, Core.Outcomes.SentMessageRef sent, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _writes) == 1 ? throw new IOException("The storage account did not answer.") : inner.RecordAsync(messageId, sent, cancellationToken);

        public Task<Core.Outcomes.SentMessageRef?> FindByMessageIdAsync(string messageId, CancellationToken cancellationToken) =>
            inner.FindByMessageIdAsync(messageId, cancellationToken);
    }

    /// <summary>Holds every activity read until <c>readers</c> reads have started, so concurrent deliveries all see the same count.</summary>
    private sealed class ReadTogetherActivityStore(ISenderActivityStore inner, int readers) : ISenderActivityStore
    {
        private readonly TaskCompletionSource _allReading = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _reads;

        public async Task<SenderActivity> GetAsync(string ownerId, CancellationToken cancellationToken)
        {
            var activity = await inner.GetAsync(ownerId, cancellationToken);
            if (Interlocked.Increment(ref _reads) >= readers)
            {
                _allReading.TrySetResult();
            }

            await _allReading.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            return activity;
        }

        public Task<SenderActivity> RecordSendAsync(string ownerId, DateOnly localDay, DateTimeOffset sentUtc, CancellationToken cancellationToken) =>
            inner.RecordSendAsync(ownerId, localDay, sentUtc, cancellationToken);

        public Task<SenderActivity> RecordQueuedAsync(string ownerId, DateTimeOffset sendAtUtc, CancellationToken cancellationToken) =>
            inner.RecordQueuedAsync(ownerId, sendAtUtc, cancellationToken);

        public Task<bool> TryReserveSendAsync(string ownerId, DateOnly localDay, int dailyCap, CancellationToken cancellationToken) =>
            inner.TryReserveSendAsync(ownerId, localDay, dailyCap, cancellationToken);

        public Task ReleaseSendAsync(string ownerId, DateOnly localDay, CancellationToken cancellationToken) =>
            inner.ReleaseSendAsync(ownerId, localDay, cancellationToken);

        public Task RecordReservedSentAsync(string ownerId, DateTimeOffset sentUtc, CancellationToken cancellationToken) =>
            inner.RecordReservedSentAsync(ownerId, sentUtc, cancellationToken);
    }

    /// <summary>The one introduction a test seeded, if any (introductions are sent end to end in the Functions tests).</summary>
    private sealed class Introductions(Introduction? introduction) : IIntroductionReader
    {
        public Task<Introduction?> GetAsync(string ownerId, string introductionId, CancellationToken cancellationToken) =>
            Task.FromResult(introduction?.IntroductionId == introductionId ? introduction : null);
    }
}
