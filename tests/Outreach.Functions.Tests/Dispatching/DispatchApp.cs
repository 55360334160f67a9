using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Core.Campaigns;
using Outreach.Core.Contacts;
using Outreach.Core.Planning;
using Outreach.Core.Senders;
using Outreach.Functions.Dispatching;
using Outreach.Functions.Tests.Support;
using Outreach.Storage;
using Outreach.Storage.Queues;
using Outreach.Storage.Stores;
using Outreach.Storage.Stores.Planning;
using Outreach.Testing.LocalServices;
using Outreach.Testing.Time;

namespace Outreach.Functions.Tests.Dispatching;

/// <summary>
/// The real handler over Azurite with its own tables and send queue (fresh names per test), a fake clock, and the
/// task store, profile store and send sink wrapped to count and record. The dispatcher runs by posting the timer
/// envelope the host would send to <c>/DispatchDue</c>.
/// </summary>
internal sealed class DispatchApp : IAsyncDisposable
{
    private readonly TestAppRoot _root;
    private readonly FunctionAppFactory _factory;
    private readonly HttpClient _client;

    private DispatchApp(AzuriteFixture azurite, DateTimeOffset start, ITaskScorer? scorer)
    {
        var prefix = "T" + Guid.NewGuid().ToString("N")[..10];
        QueueName = "send-" + prefix.ToLowerInvariant();
        Clock = new ManualTimeProvider(start);
        _root = TestAppRoot.Create();
        _root.AddFunction(DispatchDueFunction.FunctionName, File.ReadAllText(Path.Combine(RepositoryRoot.Path, "functions", DispatchDueFunction.FunctionName, "function.json")));
        var tables = new[] { "Tasks", "DueIndex", "Suppressions", "SenderActivity", "DispatchCursor", "Campaigns", "Senders", "Counters" }
            .Select(t => ($"{DispatchingServiceCollectionExtensions.TablesSectionName}:{t}", (string?)(prefix + t)));
        _factory = FunctionAppFactory.AsHost(
            _root.Path,
            services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.AddSingleton(sp => new CountingTaskStore(sp.GetRequiredService<TableStores>().Tasks));
                services.AddSingleton<ITaskStore>(sp => sp.GetRequiredService<CountingTaskStore>());
                services.AddSingleton(sp => new CountingSenderProfileStore(sp.GetRequiredService<TableStores>().Senders));
                services.AddSingleton<ISenderProfileStore>(sp => sp.GetRequiredService<CountingSenderProfileStore>());
                services.AddSingleton(sp => new RecordingSendRequestSink(new QueueSendRequestSink(sp.GetRequiredService<DispatchStorage>().SendQueue)));
                services.AddSingleton<ISendRequestSink>(sp => sp.GetRequiredService<RecordingSendRequestSink>());
                // These tests are about dispatching, not the model: without a scorer of their own every task stays neutral.
                services.AddSingleton(scorer ?? new NeutralTaskScorer());
            },
            [("AzureWebJobsStorage", azurite.ConnectionString), ($"{DispatchingOptions.SectionName}:SendQueueName", QueueName), .. tables]);
        _client = _factory.CreateClient();
        SendQueue = StorageAccount.FromConnectionString(azurite.ConnectionString).GetQueue(QueueName, QueueMessageEncoding.Base64);
    }

    public ManualTimeProvider Clock { get; }

    public string QueueName { get; }

    /// <summary>The send queue as the send function's trigger reads it.</summary>
    public QueueClient SendQueue { get; }

    public IServiceProvider Services => _factory.Services;

    public CountingTaskStore Tasks => Services.GetRequiredService<CountingTaskStore>();

    public CountingSenderProfileStore Profiles => Services.GetRequiredService<CountingSenderProfileStore>();

    public RecordingSendRequestSink Sent => Services.GetRequiredService<RecordingSendRequestSink>();

    public TableStores Stores => Services.GetRequiredService<TableStores>();

    public static async Task<DispatchApp> StartAsync(AzuriteFixture azurite, DateTimeOffset start, ITaskScorer? scorer = null)
    {
        var app = new DispatchApp(azurite, start, scorer);
        await app.Services.GetRequiredService<DispatchStorage>().EnsureCreatedAsync(CancellationToken.None);
        return app;
    }

    public static Contact Contact(string ownerId, string contactId, DateOnly metOn, bool withEmail = true) => new()
    {
        OwnerId = ownerId,
        ContactId = contactId,
        FirstName = contactId,
        Email = withEmail ? $"{contactId}@example.org" : null,
        Events = [new EventMet("Class visit", metOn)],
    };

    public static string ThankYouTaskId(string ownerId, string contactId) =>
        TaskIds.ForCampaignStep(ownerId, DefaultCampaigns.ClassVisitFollowUpId, contactId, "thank-you");

    public Task SaveProfileAsync(string ownerId, string timeZoneId) =>
        Profiles.SaveAsync(new SenderProfile { OwnerId = ownerId, Email = ownerId + "@school.example", TimeZoneId = timeZoneId }, CancellationToken.None);

    public Task<EnrolmentResult> EnrolAsync(string ownerId, params Contact[] contacts) =>
        Services.GetRequiredService<EnrolmentService>().EnrolAsync(ownerId, DefaultCampaigns.ClassVisitFollowUp(ownerId), contacts, CancellationToken.None);

    /// <summary>Posts the timer envelope the Functions host sends for one occurrence.</summary>
    public async Task<HttpResponseMessage> RunDispatcherAsync()
    {
        var now = Clock.GetUtcNow().ToString("o");
        var envelope = $$"""
            { "Data": { "timer": { "Schedule": { "AdjustForDST": true },
                "ScheduleStatus": { "Last": "{{now}}", "Next": "{{now}}", "LastUpdated": "{{now}}" }, "IsPastDue": false } },
              "Metadata": { "sys": { "MethodName": "DispatchDue", "UtcNow": "{{now}}", "RandGuid": "{{Guid.NewGuid()}}" } } }
            """;
        using var content = new StringContent(envelope, Encoding.UTF8, "application/json");
        return await _client.PostAsync(new Uri("/" + DispatchDueFunction.FunctionName, UriKind.Relative), content);
    }

    public Task<OutreachTask?> FindTaskAsync(string ownerId, string taskId) => Stores.Tasks.FindAsync(ownerId, taskId, CancellationToken.None);

    public async Task<IReadOnlyList<DueIndexEntry>> BucketAsync(DateTimeOffset instant) =>
        await Stores.DueIndex.ReadBucketAsync(DueBuckets.KeyOf(instant), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        _root.Dispose();
    }
}
