using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Core.Messaging.Delivery;
using Outreach.Core.Planning;
using Outreach.Core.Sending;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;
using Outreach.Testing.Time;

namespace Outreach.Functions.Tests.Sending;

/// <summary>The SendOutreach function end to end: real Azurite queues and tables, the local runner, real maildev.</summary>
public sealed class SendOutreachTests(AzuriteFixture azurite, MailDevFixture maildev)
    : SendingTest(azurite, maildev), IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>
{
    [Fact]
    public async Task Every_queued_task_is_delivered_exactly_once_with_its_headers_both_parts_and_non_ascii_names()
    {
        var owner = Scenario.OwnerId;
        var tasks = await Scenario.SeedAsync(
        [
            SendScenario.Contact(owner, "c-zoe", "Zoë", "Ångström", "zoe@example.org"),
            SendScenario.Contact(owner, "c-tokyo", "東京", "太郎", "taro@example.jp"),
            SendScenario.Contact(owner, "c-ann", "Ann", "Lee", "ann@example.org"),
            SendScenario.Contact(owner, "c-bob", "Bob", "Ray", "bob@example.org"),
            SendScenario.Contact(owner, "c-cy", "Cy", "Ng", "cy@example.org"),
        ]);
        await using var app = Scenario.StartApp(MailDev.SmtpPort);

        foreach (var task in tasks)
        {
            await Scenario.EnqueueAsync(task);
        }

        var sent = await Scenario.WaitForAsync(tasks, t => t.State == TaskState.Sent);
        var emails = await MailDev.WaitForEmailsAsync(5, SendScenario.Patience);
        await Task.Delay(500); // anything extra would have arrived by now
        Assert.Equal(5, (await MailDev.GetEmailsAsync()).Count);

        var byMessageId = emails.ToDictionary(e => e.GetProperty("headers").GetProperty("message-id").GetString()!);
        foreach (var task in sent)
        {
            var email = byMessageId[task.MessageId!];
            var headers = email.GetProperty("headers");
            // A reply reaches the student's own mailbox (to read and answer) and the signed address (for the app to match).
            var replyTos = email.GetProperty("replyTo").EnumerateArray().Select(a => a.GetProperty("address").GetString()!).ToList();
            Assert.Equal(2, replyTos.Count);
            Assert.Equal("sam@students.example.edu", replyTos[0]);
            var replyTo = replyTos[1];
            Assert.StartsWith($"reply+{task.TaskId}.k1.", replyTo, StringComparison.Ordinal);
            Assert.EndsWith("@" + SendScenario.ReplyDomain, replyTo, StringComparison.Ordinal);
            var unsubscribe = headers.GetProperty("list-unsubscribe").GetString()!;
            Assert.Matches($"^<mailto:{SendScenario.UnsubscribeMailbox}\\?subject=unsubscribe%20[^>]+>, <{SendScenario.PublicBaseUrl}api/unsubscribe/[^>]+>$", unsubscribe);
            Assert.Equal("List-Unsubscribe=One-Click", headers.GetProperty("list-unsubscribe-post").GetString());
            Assert.StartsWith("multipart/alternative", headers.GetProperty("content-type").GetString(), StringComparison.Ordinal);
            Assert.Equal("Thank you for your time at Career fair", email.GetProperty("subject").GetString());
            Assert.Equal("Sam Student", email.GetProperty("from")[0].GetProperty("name").GetString());
            Assert.NotNull(task.SentUtc);
            var indexed = await Scenario.Stores.SentMessages.FindByMessageIdAsync(MessageIds.Normalize(task.MessageId)!, CancellationToken.None);
            Assert.Equal(new Core.Outcomes.SentMessageRef(owner, task.TaskId, task.ContactId, "sam@students.example.edu"), indexed);
        }

        var zoe = byMessageId[sent[0].MessageId!];
        Assert.Equal("Zoë Ångström", zoe.GetProperty("to")[0].GetProperty("name").GetString());
        Assert.StartsWith("Hi Zoë,", zoe.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("<p>Hi Zoë,</p>", zoe.GetProperty("html").GetString(), StringComparison.Ordinal);
        var tokyo = byMessageId[sent[1].MessageId!];
        Assert.Equal("東京 太郎", tokyo.GetProperty("to")[0].GetProperty("name").GetString());
        Assert.StartsWith("Hi 東京,", tokyo.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(5, (await Scenario.Stores.SenderActivity.GetAsync(owner, CancellationToken.None)).SentThatDay);
    }

    [Fact]
    public async Task A_sent_task_stores_the_words_questions_personal_note_and_offer_of_the_email_it_sent_and_its_recipients_title()
    {
        // The notes run to two lines; the thank-you prints their first line (the topic), so that is the personal note.
        var contact = SendScenario.Contact(Scenario.OwnerId, "c-1", "Ann", "Lee", "ann@example.org") with
        {
            Notes = "pricing experiments in subscription apps\nAsked about internships in the spring.",
            Position = "Head of Growth",
            Offer = "send you our class survey on pricing",
        };
        var tasks = await Scenario.SeedAsync([contact]);
        Assert.Null((await Scenario.ReloadAsync(tasks[0])).MessageStats);
        await using var app = Scenario.StartApp(MailDev.SmtpPort);

        await Scenario.EnqueueAsync(tasks[0]);
        var sent = Assert.Single(await Scenario.WaitForAsync(tasks, t => t.State == TaskState.Sent));
        var email = Assert.Single(await MailDev.WaitForEmailsAsync(1, SendScenario.Patience));

        // Counted on the email as maildev received it: words and the one question, links left out.
        var received = new Core.Messaging.Templates.RenderedMessage(
            email.GetProperty("subject").GetString()!, email.GetProperty("text").GetString()!, email.GetProperty("html").GetString()!);
        var expected = Core.Messaging.Templates.MessageStats.From(received, "pricing experiments in subscription apps") with { OffersHelp = true };
        Assert.True(expected is { WordCount: > 50, QuestionCount: 1, PersonalNoteChars: 40 }, expected.ToString());
        Assert.Contains("send you our class survey on pricing", received.Text, StringComparison.Ordinal);
        Assert.Equal(expected, sent.MessageStats);

        // The title it was sent to is kept with the send: a later import's new title must not describe this message.
        Assert.Equal(new RecipientAtSend("Head of Growth"), sent.RecipientAtSend);
    }

    [Fact]
    public async Task The_same_queue_message_delivered_twice_sends_once()
    {
        var tasks = await Scenario.SeedAsync([SendScenario.Contact(Scenario.OwnerId, "c-1", "Ann", "Lee", "ann@example.org")]);
        await using var app = Scenario.StartApp(MailDev.SmtpPort);

        await Scenario.EnqueueAsync(tasks[0]);
        await Scenario.WaitForAsync(tasks, t => t.State == TaskState.Sent);
        await Scenario.EnqueueAsync(tasks[0]);
        await WaitUntilQueueEmptyAsync();
        await Task.Delay(500);

        Assert.Single(await MailDev.GetEmailsAsync());
        Assert.Equal(1, (await Scenario.Stores.SenderActivity.GetAsync(Scenario.OwnerId, CancellationToken.None)).SentThatDay);
    }

    [Fact]
    public async Task A_crash_between_claim_and_mark_never_resends_and_leaves_the_task_for_review()
    {
        var tasks = await Scenario.SeedAsync([SendScenario.Contact(Scenario.OwnerId, "c-1", "Ann", "Lee", "ann@example.org")]);
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        var stored = await Scenario.ReloadAsync(tasks[0]);
        // The crashed attempt: claimed (its message may or may not have left) and never marked.
        Assert.NotNull(await Scenario.Stores.Tasks.TryReplaceAsync(
            stored.MoveTo(TaskState.Claimed) with { ClaimedUtc = clock.GetUtcNow(), MessageId = "<crashed@students.example.edu>" }, CancellationToken.None));
        await using var host = Scenario.StartHost(MailDev.SmtpPort, services => services.AddSingleton<TimeProvider>(clock));
        using var client = host.CreateClient();

        using var early = await SendScenario.PostDeliveryAsync(client, tasks[0], dequeueCount: 2);
        clock.Advance(TimeSpan.FromMinutes(10));
        using var stale = await SendScenario.PostDeliveryAsync(client, tasks[0], dequeueCount: 3);
        using var again = await SendScenario.PostDeliveryAsync(client, tasks[0], dequeueCount: 4);

        Assert.Equal(HttpStatusCode.InternalServerError, early.StatusCode); // claim still fresh: retry later
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var task = await Scenario.ReloadAsync(tasks[0]);
        Assert.Equal(TaskState.NeedsReview, task.State);
        Assert.Equal(SendReasons.StaleClaim, task.FailureReason);
        Assert.Equal("<crashed@students.example.edu>", task.MessageId);
        Assert.Empty(await MailDev.GetEmailsAsync());
    }

    [Fact]
    public async Task Smtp_down_then_up_delivers_every_message_exactly_once_afterwards()
    {
        var owner = Scenario.OwnerId;
        var tasks = await Scenario.SeedAsync(
        [
            SendScenario.Contact(owner, "c-1", "Ann", "Lee", "ann@example.org"),
            SendScenario.Contact(owner, "c-2", "Bob", "Ray", "bob@example.org"),
            SendScenario.Contact(owner, "c-3", "Cy", "Ng", "cy@example.org"),
        ]);
        await using (var down = Scenario.StartApp(SendScenario.ClosedPort()))
        {
            foreach (var task in tasks)
            {
                await Scenario.EnqueueAsync(task);
            }

            var retried = await Scenario.WaitForAsync(tasks, t => t.FailureReason == "smtp-transient");
            Assert.All(retried, t => Assert.Equal(TaskState.Queued, t.State));
        }

        await using var up = Scenario.StartApp(MailDev.SmtpPort);
        var sent = await Scenario.WaitForAsync(tasks, t => t.State == TaskState.Sent);
        await WaitUntilQueueEmptyAsync();
        await Task.Delay(500);

        var emails = await MailDev.GetEmailsAsync();
        Assert.Equal(3, emails.Count);
        Assert.Equal(
            sent.Select(t => t.MessageId).Order(),
            emails.Select(e => e.GetProperty("headers").GetProperty("message-id").GetString()).Order());
    }

    [Fact]
    public async Task Later_steps_arrive_threaded_under_the_earlier_emails_of_their_sequence_with_the_subjects_the_templates_wrote()
    {
        var ann = SendScenario.Contact(Scenario.OwnerId, "c-ann", "Ann", "Lee", "ann@example.org");
        var thankYou = (await Scenario.SeedAsync([ann]))[0];
        var followUp = SendScenario.Task(ann, "follow-up");
        var stayInTouch = SendScenario.Task(ann, "stay-in-touch");
        Assert.True(await Scenario.Stores.Tasks.TryAddAsync(followUp, CancellationToken.None));
        Assert.True(await Scenario.Stores.Tasks.TryAddAsync(stayInTouch, CancellationToken.None));
        await using var app = Scenario.StartApp(MailDev.SmtpPort);

        // One after the other, as the schedule sends them (a week and a month apart).
        var sent = new List<OutreachTask>();
        foreach (var step in new[] { thankYou, followUp, stayInTouch })
        {
            await Scenario.EnqueueAsync(step);
            sent.Add((await Scenario.WaitForAsync([step], t => t.State == TaskState.Sent))[0]);
        }

        var emails = await MailDev.WaitForEmailsAsync(3, SendScenario.Patience);
        var byMessageId = emails.ToDictionary(e => e.GetProperty("headers").GetProperty("message-id").GetString()!);
        var (first, second, third) = (byMessageId[sent[0].MessageId!], byMessageId[sent[1].MessageId!], byMessageId[sent[2].MessageId!]);
        Assert.False(first.GetProperty("headers").TryGetProperty("in-reply-to", out _), "the first step starts the conversation");
        Assert.False(first.GetProperty("headers").TryGetProperty("references", out _));
        Assert.Equal(sent[0].MessageId, second.GetProperty("headers").GetProperty("in-reply-to").GetString());
        Assert.Equal(sent[0].MessageId, second.GetProperty("headers").GetProperty("references").GetString());
        Assert.Equal(sent[1].MessageId, third.GetProperty("headers").GetProperty("in-reply-to").GetString());
        Assert.Equal(
            [sent[0].MessageId!, sent[1].MessageId!],
            third.GetProperty("headers").GetProperty("references").GetString()!.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("Thank you for your time at Career fair", first.GetProperty("subject").GetString());
        Assert.Equal("Following up on Career fair", second.GetProperty("subject").GetString());
    }

    [Fact]
    public async Task A_550_recipient_fails_the_task_suppresses_the_address_and_stops_the_contacts_pending_email_steps()
    {
        var owner = Scenario.OwnerId;
        var gone = SendScenario.Contact(owner, "c-gone", "Gus", "Gone", "gone@example.org");
        var tasks = await Scenario.SeedAsync([gone, SendScenario.Contact(owner, "c-ok", "Ann", "Lee", "ann@example.org")]);
        var followUp = SendScenario.Task(gone, "follow-up", TaskState.Planned);
        Assert.True(await Scenario.Stores.Tasks.TryAddAsync(followUp, CancellationToken.None));
        await using var smtp = new ScriptedSmtpServer(new Dictionary<string, string> { ["gone@example.org"] = "550 5.1.1 no such user" });
        await using var app = Scenario.StartApp(smtp.Port);

        await Scenario.EnqueueAsync(tasks[0]);
        await Scenario.EnqueueAsync(tasks[1]);
        var done = await Scenario.WaitForAsync(tasks, t => t.State is TaskState.Failed or TaskState.Sent);

        Assert.Equal((TaskState.Failed, "smtp-rejected (550)"), (done[0].State, done[0].FailureReason));
        Assert.Equal(TaskState.Sent, done[1].State);
        Assert.Equal(1, smtp.MessagesAccepted);
        var suppression = Assert.Single(await Scenario.Stores.Suppressions.ListAsync(owner, CancellationToken.None));
        Assert.Equal(("email:gone@example.org", SkipReasons.Bounced), (suppression.Key, suppression.Reason));
        var stopped = await Scenario.ReloadAsync(followUp);
        Assert.Equal((TaskState.Skipped, SkipReasons.Bounced), (stopped.State, stopped.SkipReason));
    }

    [Fact]
    public async Task After_the_last_retry_the_task_fails_with_the_reason_and_the_message_lands_in_the_poison_queue()
    {
        using var root = TestAppRoot.CreateWithSending(maxDequeueCount: 2);
        var scenario = new SendScenario(Azurite, root);
        var tasks = await scenario.SeedAsync([SendScenario.Contact(scenario.OwnerId, "c-1", "Ann", "Lee", "ann@example.org")]);
        await using var app = scenario.StartApp(SendScenario.ClosedPort());

        await scenario.EnqueueAsync(tasks[0]);
        var failed = await scenario.WaitForAsync(tasks, t => t.State == TaskState.Failed);
        var poisoned = await WaitForPoisonAsync(scenario, tasks[0].TaskId);

        Assert.Equal("smtp-transient", failed[0].FailureReason);
        Assert.Equal(tasks[0].TaskId, JsonDocument.Parse(poisoned).RootElement.GetProperty("taskId").GetString());
    }

    [Fact]
    public async Task An_owner_with_their_own_smtp_account_sends_through_it_with_the_password_unsealed()
    {
        var owner = Scenario.OwnerId;
        var tasks = await Scenario.SeedAsync([SendScenario.Contact(owner, "c-1", "Ann", "Lee", "ann@example.org")]);
        await using var ownServer = new ScriptedSmtpServer();
        var sealedPassword = new Core.Accounts.SecretProtector(new Dictionary<string, byte[]> { ["s1"] = SendScenario.SecretKey }, "s1").Protect("owner-password", owner);
        var profile = await Scenario.Stores.Senders.GetAsync(owner, CancellationToken.None);
        await Scenario.Stores.Senders.SaveAsync(
            profile! with { Smtp = new Core.Senders.SmtpAccount("127.0.0.1", ownServer.Port, "sam", sealedPassword, EnableSsl: false) }, CancellationToken.None);
        await using var app = Scenario.StartApp(MailDev.SmtpPort);

        await Scenario.EnqueueAsync(tasks[0]);
        await Scenario.WaitForAsync(tasks, t => t.State == TaskState.Sent);

        Assert.Equal(1, ownServer.MessagesAccepted);
        Assert.Empty(await MailDev.GetEmailsAsync());
    }

    [Fact]
    public async Task An_owner_smtp_password_the_key_ring_cannot_unseal_fails_the_task_unsent_naming_it_and_uses_no_place_under_the_cap()
    {
        // Sealed with a key since retired from Secrets:Keys: the app cannot log in to the owner's mailbox at all.
        using var root = TestAppRoot.CreateWithSending(maxDequeueCount: 2);
        var scenario = new SendScenario(Azurite, root);
        var owner = scenario.OwnerId;
        var tasks = await scenario.SeedAsync([SendScenario.Contact(owner, "c-1", "Ann", "Lee", "ann@example.org")]);
        await using var ownServer = new ScriptedSmtpServer();
        var retiredKey = Enumerable.Range(7, 32).Select(i => (byte)i).ToArray();
        var sealedPassword = new Core.Accounts.SecretProtector(new Dictionary<string, byte[]> { ["s0"] = retiredKey }, "s0").Protect("owner-password", owner);
        var profile = await scenario.Stores.Senders.GetAsync(owner, CancellationToken.None);
        await scenario.Stores.Senders.SaveAsync(
            profile! with { Smtp = new Core.Senders.SmtpAccount("127.0.0.1", ownServer.Port, "sam", sealedPassword, EnableSsl: false) }, CancellationToken.None);
        await using var app = scenario.StartApp(MailDev.SmtpPort);

        await scenario.EnqueueAsync(tasks[0]);
        var done = await scenario.WaitForAsync(tasks, t => t.State is not (TaskState.Queued or TaskState.Claimed));

        // Not needs_review ("it may have been sent"): nothing was handed to any server, and the owner must re-enter it.
        Assert.Equal(TaskState.Failed, done[0].State);
        Assert.StartsWith(SendReasons.SmtpAccountUnusable, done[0].FailureReason, StringComparison.Ordinal);
        Assert.Contains("secrets.unknown-key", done[0].FailureReason, StringComparison.Ordinal);
        Assert.Equal(0, (await scenario.Stores.SenderActivity.GetAsync(owner, CancellationToken.None)).SentThatDay);
        Assert.Equal(0, ownServer.MessagesReceived);
        Assert.Empty(await MailDev.GetEmailsAsync());
    }

    private async Task WaitUntilQueueEmptyAsync()
    {
        using var deadline = new CancellationTokenSource(SendScenario.Patience);
        while (await Scenario.Queue.GetApproximateCountAsync(deadline.Token) > 0)
        {
            await Task.Delay(100, deadline.Token);
        }
    }

    private static async Task<string> WaitForPoisonAsync(SendScenario scenario, string taskId)
    {
        using var deadline = new CancellationTokenSource(SendScenario.Patience);
        while (true)
        {
            try
            {
                foreach (var message in await scenario.PoisonQueue.PeekAsync(32, deadline.Token))
                {
                    if (message.Text.Contains(taskId, StringComparison.Ordinal))
                    {
                        return message.Text;
                    }
                }
            }
            catch (Outreach.Storage.StorageRequestException e) when (e.Status == 404)
            {
                // Not created yet.
            }

            await Task.Delay(100, deadline.Token);
        }
    }
}
