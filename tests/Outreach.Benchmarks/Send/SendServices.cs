using Outreach.Core.Introductions;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Outreach.Benchmarks.Mail;
using Outreach.Core.Analytics.Events;
using Outreach.Core.Contacts;
using Outreach.Core.Messaging.Defaults;
using Outreach.Core.Messaging.Delivery;
using Outreach.Core.Messaging.Templates;
using Outreach.Core.Messaging.Tokens;
using Outreach.Core.Planning;
using Outreach.Core.Senders;
using Outreach.Core.Sending;
using Outreach.Mail.Smtp;
using Outreach.Storage;
using Outreach.Storage.Queues;
using Outreach.Storage.Stores;
using Outreach.Testing.LocalServices;

namespace Outreach.Benchmarks.Send;

/// <summary>Azurite and maildev for the send benchmark, with seeding, the queue-driven pipeline loop and the bare SMTP loop.</summary>
internal sealed class SendServices : IAsyncDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>Tasks per owner: a student's daily cap (40), so the load looks like many students each sending a day's notes.</summary>
    private const int TasksPerOwner = SenderSchedule.DefaultDailyCap;
    private readonly AzuriteFixture _azurite;
    private readonly MailDevFixture _maildev;
    private readonly TableStores _stores;
    private readonly StorageAccount _account;
    private int _runs;

    private SendServices(AzuriteFixture azurite, MailDevFixture maildev)
    {
        _azurite = azurite;
        _maildev = maildev;
        _account = StorageAccount.FromConnectionString(azurite.ConnectionString);
        _stores = new TableStores(_account);
    }

    public static async Task<SendServices> StartAsync(CancellationToken cancellationToken)
    {
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        var maildev = new MailDevFixture();
        await maildev.InitializeAsync();
        var services = new SendServices(azurite, maildev);
        await services._stores.CreateTablesAsync(cancellationToken);
        return services;
    }

    /// <summary>Seeds <paramref name="count"/> queued tasks for a fresh owner, enqueues them, and drains the queue through <see cref="TaskSender"/>.</summary>
    public async Task<double> MeasurePipelineAsync(int count, int inFlight, CancellationToken cancellationToken)
    {
        var run = ++_runs;
        var queue = _account.GetQueue($"{SendRequest.QueueName}-bench-{run}", QueueMessageEncoding.Base64);
        await queue.CreateIfNotExistsAsync(cancellationToken);
        var owners = Enumerable.Range(0, (count + TasksPerOwner - 1) / TasksPerOwner).Select(o => $"bench-{run}-owner-{o}").ToList();
        var tasks = new List<OutreachTask>();
        for (var o = 0; o < owners.Count; o++)
        {
            tasks.AddRange(await SeedAsync(owners[o], Math.Min(TasksPerOwner, count - (o * TasksPerOwner)), cancellationToken));
        }

        // Interleave owners on the queue, as a dispatcher run over many owners would.
        tasks = [.. tasks.OrderBy(t => t.ContactId, StringComparer.Ordinal).ThenBy(t => t.OwnerId, StringComparer.Ordinal)];
        await Parallel.ForEachAsync(tasks, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (task, ct) =>
            await queue.SendAsync(JsonSerializer.Serialize(new SendRequest(task.OwnerId, task.TaskId), JsonSerializerOptions.Web), cancellationToken: ct));
        await _maildev.DeleteAllAsync(cancellationToken);

        using var transport = new SmtpMailTransport(
            new SmtpOptions { Host = "127.0.0.1", Port = _maildev.SmtpPort, EnableSsl = false, MaxConnections = Math.Min(inFlight, 64) },
            TimeProvider.System,
            NullLogger<SmtpMailTransport>.Instance);
        var sender = CreateSender(transport);

        var watch = Stopwatch.StartNew();
        var sent = await DrainAsync(queue, sender, inFlight, count, cancellationToken);
        watch.Stop();

        await VerifyAsync(owners, tasks, sent, cancellationToken);
        return count / watch.Elapsed.TotalSeconds;
    }

    /// <summary>A straightforward loop: one SmtpClient, one message after another, the same rendered template.</summary>
    public async Task<double> MeasureBareAsync(int count, CancellationToken cancellationToken)
    {
        await _maildev.DeleteAllAsync(cancellationToken);
        var rendered = new TemplateRenderer().Render(DefaultTemplates.For(TemplateKind.ThankYou), TemplateModel.ForContact(ContactNumber("bare", 0), Profile("bare").ToTemplateSender()));
        var watch = Stopwatch.StartNew();
        await SmtpBenchmark.BareLoopAsync(_maildev.SmtpPort, rendered, count, newClientPerSend: false, cancellationToken);
        watch.Stop();
        await ExpectDeliveredAsync(count, cancellationToken);
        return count / watch.Elapsed.TotalSeconds;
    }

    public async ValueTask DisposeAsync()
    {
        await _maildev.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    private static async Task<int> DrainAsync(QueueClient queue, TaskSender sender, int inFlight, int expected, CancellationToken cancellationToken)
    {
        // What the host does: receive up to a batch, run at most `inFlight` invocations, delete each acknowledged message.
        var sent = 0;
        var handled = 0;
        using var gate = new SemaphoreSlim(inFlight);
        var running = new List<Task>();
        while (Volatile.Read(ref handled) < expected)
        {
            await gate.WaitAsync(cancellationToken);
            gate.Release();
            var messages = await queue.ReceiveAsync(Math.Min(QueueClient.MaxMessagesPerCall, Math.Max(1, inFlight)), Lease, cancellationToken);
            if (messages.Count == 0)
            {
                await Task.WhenAll(running);
                running.Clear();
                continue;
            }

            foreach (var message in messages)
            {
                await gate.WaitAsync(cancellationToken);
                running.Add(Task.Run(
                    async () =>
                    {
                        try
                        {
                            var request = JsonSerializer.Deserialize<SendRequest>(message.Text, JsonSerializerOptions.Web)!;
                            var attempt = await sender.SendAsync(request, isLastAttempt: false, cancellationToken);
                            if (attempt.Retry || attempt.Kind != SendAttemptKind.Sent)
                            {
                                throw new InvalidOperationException($"Task {request.TaskId} ended {attempt.Kind} ({attempt.Reason}).");
                            }

                            await queue.DeleteAsync(message.MessageId, message.PopReceipt, cancellationToken);
                            Interlocked.Increment(ref sent);
                            Interlocked.Increment(ref handled);
                        }
                        finally
                        {
                            gate.Release();
                        }
                    },
                    cancellationToken));
            }

            running.RemoveAll(t => t.IsCompletedSuccessfully);
            if (running.Find(t => t.IsFaulted) is { } faulted)
            {
                await faulted;
            }
        }

        await Task.WhenAll(running);
        return sent;
    }

    private TaskSender CreateSender(IMailTransport transport)
    {
        var keys = new SigningKeyRing("k1", new Dictionary<string, byte[]> { ["k1"] = new byte[32].Select((_, i) => (byte)(i + 7)).ToArray() });
        var options = new SendingOptions { PublicBaseUrl = new Uri("https://outreach.example/"), ReplyDomain = "in.outreach.example", UnsubscribeMailbox = "unsubscribe@outreach.example" };
        var stores = new SendStores(
            _stores.Tasks, _stores.DueIndex, _stores.Suppressions, _stores.SenderActivity, _stores.Contacts, _stores.Senders, _stores.SentMessages, new TemplateResolver(_stores.Templates),
            _stores.Introductions);
        var tokens = new SignedTokenService(keys, TimeProvider.System);
        var composer = new MessageComposer(new TemplateRenderer(), tokens, new ReplyAddressTokens(keys), new ConsentLinks(tokens, options, TimeProvider.System), options);
        return new TaskSender(stores, composer, new OneTransport(transport), new MetricsRecorder(_stores.Counters), options, TimeProvider.System);
    }

    private async Task<List<OutreachTask>> SeedAsync(string ownerId, int count, CancellationToken cancellationToken)
    {
        await _stores.Senders.SaveAsync(Profile(ownerId), cancellationToken);
        var contacts = Enumerable.Range(0, count).Select(i => ContactNumber(ownerId, i)).ToList();
        await Parallel.ForEachAsync(contacts.Chunk(50), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (chunk, ct) =>
            await _stores.Contacts.WriteAsync(ownerId, chunk, ct));
        var tasks = contacts.Select(c => new OutreachTask
        {
            TaskId = TaskIds.ForCampaignStep(ownerId, "class-visit", c.ContactId, "thank-you"),
            OwnerId = ownerId,
            ContactId = c.ContactId,
            CampaignId = "class-visit",
            StepId = "thank-you",
            Template = TemplateKind.ThankYou,
            EmailKey = c.EmailKey,
            Channel = TaskChannel.Email,
            DueUtc = DateTimeOffset.UnixEpoch,
            State = TaskState.Queued,
        }).ToList();
        await Parallel.ForEachAsync(tasks, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (task, ct) =>
            await _stores.Tasks.TryAddAsync(task, ct));
        return tasks;
    }

    private async Task VerifyAsync(List<string> owners, List<OutreachTask> tasks, int sent, CancellationToken cancellationToken)
    {
        await ExpectDeliveredAsync(tasks.Count, cancellationToken);
        var counted = 0;
        foreach (var owner in owners)
        {
            counted += (await _stores.SenderActivity.GetAsync(owner, cancellationToken)).SentThatDay;
        }

        if (sent != tasks.Count || counted != tasks.Count)
        {
            throw new InvalidOperationException($"Expected {tasks.Count} sends; the loop counted {sent} and the sender activity {counted}.");
        }
    }

    private async Task ExpectDeliveredAsync(int count, CancellationToken cancellationToken)
    {
        var delivered = (await _maildev.WaitForEmailsAsync(count, TimeSpan.FromMinutes(2), cancellationToken)).Count;
        if (delivered != count)
        {
            throw new InvalidOperationException($"Sent {count} messages but maildev holds {delivered}.");
        }
    }

    private static SenderProfile Profile(string ownerId) => new()
    {
        OwnerId = ownerId,
        FirstName = "Sam",
        LastName = "Ortiz",
        Email = "sam@students.example.edu",
        Signature = "Sam",
        DailyCap = int.MaxValue,
    };

    private static Contact ContactNumber(string ownerId, int i) => new()
    {
        OwnerId = ownerId,
        ContactId = $"c-{i:D6}",
        FirstName = "Zoë",
        LastName = $"Ångström {i}",
        Email = $"contact{i}@example.org",
        Company = "Acme",
        Events = [new EventMet("Career fair", new DateOnly(2026, 11, 10))],
        Notes = "talked about data engineering",
    };

    private sealed class OneTransport(IMailTransport transport) : IMailTransportProvider
    {
        public MailTransportLease ForSender(SenderProfile sender) => MailTransportLease.Unowned(transport);
    }
}
