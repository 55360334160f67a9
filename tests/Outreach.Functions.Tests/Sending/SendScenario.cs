using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Core.Contacts;
using Outreach.Core.Planning;
using Outreach.Core.Senders;
using Outreach.Functions.Tests.Support;
using Outreach.Storage;
using Outreach.Storage.Queues;
using Outreach.Storage.Stores;
using Outreach.Testing.LocalServices;
using Outreach.Core.Messaging.Templates;

namespace Outreach.Functions.Tests.Sending;

/// <summary>Seeds an owner (sender profile, contacts, queued tasks) into real Azurite and starts the app against an SMTP port.</summary>
internal sealed class SendScenario(AzuriteFixture azurite, TestAppRoot root)
{
    public const string ReplyDomain = "in.outreach.example";
    public const string PublicBaseUrl = "https://outreach.example/";
    public const string UnsubscribeMailbox = "unsubscribe@outreach.example";

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Every day, all day: these tests send on real time at any hour, and the sender checks the window at send time.</summary>
    public static readonly SendingWindow AlwaysOpen = new(Enum.GetValues<DayOfWeek>(), TimeOnly.MinValue, TimeOnly.MaxValue);

    /// <summary>The key that seals owners' SMTP passwords in these tests (section Secrets).</summary>
    public static readonly byte[] SecretKey = [.. Enumerable.Range(100, 32).Select(i => (byte)i)];

    public string OwnerId { get; } = "owner-" + Guid.NewGuid().ToString("N")[..8];

    public TableStores Stores { get; } = new(StorageAccount.FromConnectionString(azurite.ConnectionString));

    public QueueClient Queue => StorageAccount.FromConnectionString(azurite.ConnectionString).GetQueue(SendRequest.QueueName, QueueMessageEncoding.Base64);

    public QueueClient PoisonQueue => StorageAccount.FromConnectionString(azurite.ConnectionString).GetQueue(SendRequest.QueueName + "-poison", QueueMessageEncoding.Base64);

    public static Contact Contact(string ownerId, string id, string first, string last, string email) => new()
    {
        OwnerId = ownerId,
        ContactId = id,
        FirstName = first,
        LastName = last,
        Email = email,
        Company = "Acme",
        Events = [new EventMet("Career fair", new DateOnly(2026, 11, 10))],
    };

    public static OutreachTask Task(Contact contact, string stepId, TaskState state = TaskState.Queued) => new()
    {
        TaskId = TaskIds.ForCampaignStep(contact.OwnerId, "class-visit", contact.ContactId, stepId),
        OwnerId = contact.OwnerId,
        ContactId = contact.ContactId,
        CampaignId = "class-visit",
        StepId = stepId,
        Template = stepId == "thank-you" ? TemplateKind.ThankYou : TemplateKind.FollowUp,
        EmailKey = contact.EmailKey,
        Channel = TaskChannel.Email,
        DueUtc = new DateTimeOffset(2026, 11, 11, 9, 0, 0, TimeSpan.Zero),
        State = state,
        Score = 0.12,
    };

    public async Task<IReadOnlyList<OutreachTask>> SeedAsync(IReadOnlyList<Contact> contacts, int dailyCap = 500)
    {
        await SeedOwnerAsync(dailyCap);
        await Stores.Contacts.WriteAsync(OwnerId, contacts, CancellationToken.None);
        var tasks = contacts.Select(c => Task(c, "thank-you")).ToList();
        foreach (var task in tasks)
        {
            Assert.True(await Stores.Tasks.TryAddAsync(task, CancellationToken.None));
        }

        return tasks;
    }

    /// <summary>The tables, the send queue and the owner's sender profile (always open), with no contacts or tasks yet.</summary>
    public async Task SeedOwnerAsync(int dailyCap = 500)
    {
        await Stores.CreateTablesAsync(CancellationToken.None);
        await Queue.CreateIfNotExistsAsync();
        await Stores.Senders.SaveAsync(
            new SenderProfile { OwnerId = OwnerId, FirstName = "Sam", LastName = "Student", Email = "sam@students.example.edu", Signature = "Sam", DailyCap = dailyCap, Window = AlwaysOpen },
            CancellationToken.None);
    }

    public Task EnqueueAsync(OutreachTask task) =>
        Queue.SendAsync(JsonSerializer.Serialize(new SendRequest(task.OwnerId, task.TaskId), JsonSerializerOptions.Web));

    public async Task<OutreachTask> ReloadAsync(OutreachTask task) =>
        await Stores.Tasks.FindAsync(task.OwnerId, task.TaskId, CancellationToken.None) ?? throw new InvalidOperationException("The task vanished.");

    public async Task<IReadOnlyList<OutreachTask>> WaitForAsync(IReadOnlyList<OutreachTask> tasks, Func<OutreachTask, bool> done)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (true)
        {
            var current = await System.Threading.Tasks.Task.WhenAll(tasks.Select(ReloadAsync));
            if (current.All(done))
            {
                return current;
            }

            await System.Threading.Tasks.Task.Delay(100, deadline.Token);
        }
    }

    public FunctionAppFactory StartApp(int smtpPort, Action<IServiceCollection>? services = null) =>
        FunctionAppFactory.WithRunner(root.Path, Settings(smtpPort), services ?? (_ => { })).StartWithRunner();

    public FunctionAppFactory StartHost(int smtpPort, Action<IServiceCollection> services, params (string Key, string? Value)[] settings) =>
        FunctionAppFactory.AsHost(root.Path, services, [.. Settings(smtpPort).Select(s => (s.Key, s.Value)), .. settings]);

    /// <summary>Posts one queue delivery of <paramref name="task"/> to SendOutreach, as the Functions host does.</summary>
    public static Task<HttpResponseMessage> PostDeliveryAsync(HttpClient client, OutreachTask task, int dequeueCount)
    {
        var message = JsonSerializer.Serialize(new SendRequest(task.OwnerId, task.TaskId), JsonSerializerOptions.Web);
        var envelope = new
        {
            Data = new { task = message },
            Metadata = new
            {
                DequeueCount = dequeueCount,
                Id = Guid.NewGuid().ToString(),
                PopReceipt = "receipt",
                sys = new { MethodName = "SendOutreach", UtcNow = DateTimeOffset.UtcNow, RandGuid = Guid.NewGuid() },
            },
        };
        return client.PostAsJsonAsync("/SendOutreach", envelope);
    }

    /// <summary>A loopback port nothing listens on: connecting is refused, as with an SMTP server that is down.</summary>
    public static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private Dictionary<string, string?> Settings(int smtpPort) => new()
    {
        ["AzureWebJobsStorage"] = azurite.ConnectionString,
        ["LocalRunner:ShutdownGracePeriod"] = "00:00:00.500",
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:EnableSsl"] = "false",
        ["Smtp:Timeout"] = "00:00:05",
        ["Smtp:MaxConnections"] = "2",
        ["Smtp:AllowPrivateServers"] = "true", // owners' own servers here are scripted servers on 127.0.0.1
        ["Mail:PublicBaseUrl"] = PublicBaseUrl,
        ["Mail:ReplyDomain"] = ReplyDomain,
        ["Mail:UnsubscribeMailbox"] = UnsubscribeMailbox,
        ["Secrets:CurrentKeyId"] = "s1",
        ["Secrets:Keys:s1"] = Convert.ToBase64String(SecretKey),
        ["Tokens:CurrentKeyId"] = "k1",
        ["Tokens:Keys:k1"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i + 1)).ToArray()),
    };
}
