using Microsoft.Extensions.Logging.Abstractions;
using Outreach.Core.Analytics.Counters;
using Outreach.Core.Analytics.Events;
using Outreach.Core.Contacts;
using Outreach.Core.Introductions;
using Outreach.Core.Messaging.Delivery;
using Outreach.Core.Messaging.Templates;
using Outreach.Core.Messaging.Tokens;
using Outreach.Core.Planning;
using Outreach.Core.Senders;
using Outreach.Core.Sending;
using Outreach.Mail.Smtp;
using Outreach.Testing.LocalServices;
using Outreach.Testing.Time;

namespace Outreach.Mail.Tests.Smtp;

/// <summary>TaskSender over the real SMTP transport: what the queue's redelivery does after an SMTP failure.</summary>
public sealed class SmtpSendOnceTests
{
    private const string Owner = "o1";
    private static readonly DateTimeOffset Wednesday10 = new(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);

    private readonly InMemoryTaskStore _tasks = new();
    private readonly InMemoryContactDirectory _contacts = new();
    private readonly InMemorySenderProfileStore _profiles = new();

    [Fact]
    public async Task A_task_whose_reply_was_lost_after_data_goes_to_review_and_the_redelivery_does_not_send_it_again()
    {
        // Delivery 1: the server takes the message but its 250 comes after the 1 s timeout. Delivery 2 (the queue's
        // retry): the server would answer at once, so a released claim would deliver the note a second time.
        await using var server = new ScriptedSmtpServer { DataReplyDelay = TimeSpan.FromSeconds(10), SlowDataReplies = 1 };
        using var transport = new SmtpMailTransport(
            new SmtpOptions { Host = "127.0.0.1", Port = server.Port, EnableSsl = false, Timeout = TimeSpan.FromSeconds(1) },
            TimeProvider.System,
            NullLogger<SmtpMailTransport>.Instance);
        var task = await SeedAsync();
        var sender = CreateSender(transport);

        var first = await sender.SendAsync(new SendRequest(Owner, task.TaskId), isLastAttempt: false, default);
        var second = await sender.SendAsync(new SendRequest(Owner, task.TaskId), isLastAttempt: false, default);

        var stored = await _tasks.FindAsync(Owner, task.TaskId, default);
        Assert.Equal((SendAttemptKind.Unconfirmed, false), (first.Kind, first.Retry));
        Assert.Equal((SendAttemptKind.NotQueued, false), (second.Kind, second.Retry));
        Assert.Equal((TaskState.NeedsReview, SendReasons.UnconfirmedDelivery), (stored!.State, stored.FailureReason));
        Assert.Equal(1, server.MessagesReceived);
    }

    private async Task<OutreachTask> SeedAsync()
    {
        await _profiles.SaveAsync(new SenderProfile { OwnerId = Owner, FirstName = "Sam", Email = "sam@uni.example" }, default);
        var ann = new Contact { OwnerId = Owner, ContactId = "c-ann", FirstName = "Ann", Email = "ann@example.org" };
        await _contacts.WriteAsync(Owner, [ann], default);
        var task = new OutreachTask
        {
            TaskId = TaskIds.ForCampaignStep(Owner, "class-visit", "c-ann", "thank-you"),
            OwnerId = Owner,
            ContactId = "c-ann",
            CampaignId = "class-visit",
            StepId = "thank-you",
            Template = TemplateKind.ThankYou,
            EmailKey = ann.EmailKey,
            Channel = TaskChannel.Email,
            DueUtc = Wednesday10,
            State = TaskState.Queued,
        };
        Assert.True(await _tasks.TryAddAsync(task, default));
        return task;
    }

    private TaskSender CreateSender(IMailTransport transport)
    {
        // The sender's clock is inside the window (the transport's timeout runs on real time regardless).
        var clock = new ManualTimeProvider(Wednesday10);
        var keys = new SigningKeyRing("k1", new Dictionary<string, byte[]> { ["k1"] = new byte[32] });
        var options = new SendingOptions { PublicBaseUrl = new Uri("https://outreach.example/") };
        var tokens = new SignedTokenService(keys, clock);
        var stores = new SendStores(
            _tasks, new InMemoryDueIndex(), new InMemorySuppressionStore(), new InMemorySenderActivityStore(), _contacts, _profiles,
            new InMemorySentMessageLog(), new TemplateResolver(new InMemoryTemplateStore()), new NoIntroductions());
        var composer = new MessageComposer(new TemplateRenderer(), tokens, new ReplyAddressTokens(keys), new ConsentLinks(tokens, options, clock), options);
        return new TaskSender(stores, composer, new OneTransport(transport), new MetricsRecorder(new InMemoryCounterStore()), options, clock);
    }

    private sealed class OneTransport(IMailTransport transport) : IMailTransportProvider
    {
        public MailTransportLease ForSender(SenderProfile sender) => MailTransportLease.Unowned(transport);
    }

    private sealed class NoIntroductions : IIntroductionReader
    {
        public Task<Introduction?> GetAsync(string ownerId, string introductionId, CancellationToken cancellationToken) => Task.FromResult<Introduction?>(null);
    }
}
