using System.Text;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Core.Accounts;
using Outreach.Core.Campaigns;
using Outreach.Core.Contacts;
using Outreach.Core.Outcomes;
using Outreach.Core.Planning;
using Outreach.Core.Senders;
using Outreach.Functions.Dispatching;
using Outreach.Functions.Tests.Support;
using Outreach.Storage;
using Outreach.Storage.Stores;
using Outreach.Storage.Stores.Outcomes;
using Outreach.Storage.Stores.Scoring;
using Outreach.Testing.LocalServices;
using Outreach.Testing.Time;
using Outreach.Core.Messaging.Templates;

namespace Outreach.Functions.Tests.Scoring;

/// <summary>
/// The real handler on Azurite with its own tables, send queue and model container (fresh names per app), a fake clock,
/// and the outcomes feature's <see cref="TableOutcomeStore"/> on a table of its own. Timers run by posting the host's envelope.
/// </summary>
internal sealed class ScoringApp : IAsyncDisposable
{
    private readonly ApiApp _api;
    private readonly HttpClient _host;

    private ScoringApp(AzuriteFixture azurite, DateTimeOffset start, DelegatingHandler? storageHandler)
    {
        var prefix = "S" + Guid.NewGuid().ToString("N")[..10];
        Clock = new ManualTimeProvider(start);
        var account = storageHandler is null
            ? StorageAccount.FromConnectionString(azurite.ConnectionString)
            : StorageAccount.FromConnectionString(azurite.ConnectionString, new StorageClientOptions { Transport = new HttpClientTransport(new HttpClient(storageHandler)) });
        ModelContainer = account.GetBlobContainer("models-" + prefix.ToLowerInvariant());
        OutcomeTable = account.GetTable(prefix + "Outcomes");
        var names = new StoreTableNames();
        var tables = typeof(StoreTableNames).GetProperties().Where(p => p.PropertyType == typeof(string))
            .Select(p => ($"{DispatchingServiceCollectionExtensions.TablesSectionName}:{p.Name}", (string?)(prefix + p.GetValue(names))));
        _api = ApiApp.Start(
            azurite,
            services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.AddSingleton(account);
                services.AddSingleton(new BlobModelStore(ModelContainer));
                services.AddSingleton<IOutcomeStore>(new TableOutcomeStore(OutcomeTable));
            },
            [($"{DispatchingOptions.SectionName}:SendQueueName", "send-" + prefix.ToLowerInvariant()), .. tables]);
        _host = _api.Factory.CreateClient();
    }

    public ManualTimeProvider Clock { get; }

    public Outreach.Storage.Blobs.BlobContainerClient ModelContainer { get; }

    public Outreach.Storage.Tables.TableClient OutcomeTable { get; }

    public IServiceProvider Services => _api.Factory.Services;

    public TableStores Stores => Services.GetRequiredService<TableStores>();

    public BlobModelStore Models => Services.GetRequiredService<BlobModelStore>();

    public IOutcomeStore Outcomes => Services.GetRequiredService<IOutcomeStore>();

    /// <param name="azurite">The Azurite the app uses.</param>
    /// <param name="start">The fake clock's start.</param>
    /// <param name="storageHandler">Sees every storage request the app makes (its inner handler sends it), or null.</param>
    public static async Task<ScoringApp> StartAsync(AzuriteFixture azurite, DateTimeOffset start, DelegatingHandler? storageHandler = null)
    {
        var app = new ScoringApp(azurite, start, storageHandler);
        await app.Services.GetRequiredService<DispatchStorage>().EnsureCreatedAsync(CancellationToken.None);
        await app.OutcomeTable.CreateIfNotExistsAsync();
        return app;
    }

    public Task<string> CreateOwnerWithKeyAsync(string ownerId) => _api.CreateAccountWithKeyAsync(ownerId, AccountKind.Owner, ApiScopes.OwnerDefault);

    public Task<string> CreateAdminWithKeyAsync(string accountId) => _api.CreateAccountWithKeyAsync(accountId, AccountKind.Admin, ApiScopes.Admin | ApiScopes.OwnerDefault);

    public HttpClient Client(string key) => _api.Client(key);

    public Task SaveProfileAsync(string ownerId, int dailyCap = SenderSchedule.DefaultDailyCap) =>
        Stores.Senders.SaveAsync(new SenderProfile { OwnerId = ownerId, Email = "sender@school.example", TimeZoneId = "Europe/London", DailyCap = dailyCap }, CancellationToken.None);

    public Task<EnrolmentResult> EnrolAsync(string ownerId, params Contact[] contacts) =>
        Services.GetRequiredService<EnrolmentService>().EnrolAsync(ownerId, DefaultCampaigns.ClassVisitFollowUp(ownerId), contacts, CancellationToken.None);

    /// <summary>Stores contacts and their sent thank-you tasks, as if sent at <c>sentUtc(i)</c>, with a reply where <c>replied(i)</c>.</summary>
    public async Task SeedSentHistoryAsync(string ownerId, IReadOnlyList<Contact> contacts, Func<int, DateTimeOffset> sentUtc, Func<int, bool> replied)
    {
        await Stores.Contacts.WriteAsync(ownerId, contacts, CancellationToken.None);
        for (var i = 0; i < contacts.Count; i++)
        {
            var taskId = TaskIds.ForCampaignStep(ownerId, DefaultCampaigns.ClassVisitFollowUpId, contacts[i].ContactId, "thank-you");
            var sent = sentUtc(i);
            await Stores.Tasks.TryAddAsync(
                new OutreachTask
                {
                    TaskId = taskId, OwnerId = ownerId, ContactId = contacts[i].ContactId, CampaignId = DefaultCampaigns.ClassVisitFollowUpId,
                    StepId = "thank-you", Template = TemplateKind.ThankYou, Channel = TaskChannel.Email, DueUtc = sent, State = TaskState.Sent, SentUtc = sent,
                },
                CancellationToken.None);
            if (replied(i))
            {
                await Outcomes.AddAsync(
                    new Outcome
                    {
                        OwnerId = ownerId, ContactId = contacts[i].ContactId, TaskId = taskId, Type = OutcomeType.Replied,
                        OccurredAt = sent.AddDays(2), Source = OutcomeSource.Inbound, DedupeKey = "reply-" + taskId,
                    },
                    CancellationToken.None);
            }
        }
    }

    /// <summary>Posts the timer envelope the Functions host sends for one occurrence of <paramref name="function"/>.</summary>
    public async Task<HttpResponseMessage> RunTimerAsync(string function)
    {
        var now = Clock.GetUtcNow().ToString("o");
        var envelope = $$"""
            { "Data": { "timer": { "Schedule": { "AdjustForDST": true },
                "ScheduleStatus": { "Last": "{{now}}", "Next": "{{now}}", "LastUpdated": "{{now}}" }, "IsPastDue": false } },
              "Metadata": { "sys": { "MethodName": "{{function}}", "UtcNow": "{{now}}", "RandGuid": "{{Guid.NewGuid()}}" } } }
            """;
        using var content = new StringContent(envelope, Encoding.UTF8, "application/json");
        return await _host.PostAsync(new Uri("/" + function, UriKind.Relative), content);
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await ModelContainer.DeleteContainerAsync();
        _api.Dispose();
    }
}
