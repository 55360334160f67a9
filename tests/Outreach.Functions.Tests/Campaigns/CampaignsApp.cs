using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Core.Accounts;
using Outreach.Core.Contacts;
using Outreach.Functions.Dispatching;
using Outreach.Functions.Tests.Support;
using Outreach.Storage.Stores;
using Outreach.Testing.LocalServices;
using Outreach.Testing.Time;

namespace Outreach.Functions.Tests.Campaigns;

/// <summary>
/// The real handler on Azurite for the campaign, task, sender and introduction endpoints: its own table names (a fresh
/// prefix), a fake clock, and signing keys for consent links. Owners are created with a key and, by default, a sender
/// profile set through <c>PUT /api/sender</c>; contacts are written through the app's own contact store.
/// </summary>
internal sealed class CampaignsApp : IDisposable
{
    /// <summary>A Tuesday morning in London (winter: UTC+0).</summary>
    public static readonly DateTimeOffset Now = new(2026, 1, 13, 8, 0, 0, TimeSpan.Zero);

    private readonly ApiApp _app;

    private CampaignsApp(AzuriteFixture azurite, TestAppRoot root, Action<IServiceCollection> services, (string Key, string? Value)[] settings)
    {
        var prefix = "C" + Guid.NewGuid().ToString("N")[..10];
        Clock = new ManualTimeProvider(Now);
        _app = ApiApp.Start(
            azurite,
            root,
            s =>
            {
                s.AddSingleton<TimeProvider>(Clock);
                services(s);
            },
            [
                .. TableSettings(prefix),
                ("Tokens:CurrentKeyId", "k1"),
                ("Tokens:Keys:k1", Convert.ToBase64String([.. Enumerable.Range(1, 32).Select(i => (byte)i)])),
                ("Mail:PublicBaseUrl", "https://outreach.example/"),
                .. settings,
            ]);
    }

    public ManualTimeProvider Clock { get; }

    public TableStores Stores => _app.Factory.Services.GetRequiredService<TableStores>();

    public IServiceProvider Services => _app.Factory.Services;

    public AccountService Accounts => _app.Accounts;

    /// <summary>Starts the app; <paramref name="settings"/> add to (or override) the defaults, e.g. an SMTP server.</summary>
    public static CampaignsApp Start(AzuriteFixture azurite, params (string Key, string? Value)[] settings) => new(azurite, TestAppRoot.Create(), _ => { }, settings);

    /// <summary>Starts the app with <paramref name="services"/> replacing some of its services (e.g. a seam around a store).</summary>
    public static CampaignsApp Start(AzuriteFixture azurite, Action<IServiceCollection> services, params (string Key, string? Value)[] settings) =>
        new(azurite, TestAppRoot.Create(), services, settings);

    /// <summary>Starts the app with the queue functions too (SendOutreach), so tests can deliver queued tasks to the sender.</summary>
    public static CampaignsApp StartWithSending(AzuriteFixture azurite, params (string Key, string? Value)[] settings) =>
        new(azurite, TestAppRoot.CreateWithSending(maxDequeueCount: 3), _ => { }, settings);

    /// <summary>A client that talks to the handler as the Functions host does (queue and timer invocations).</summary>
    public HttpClient HostClient() => _app.Factory.CreateClient();

    /// <summary>An owner (or coach) with a key, and a sender profile in Europe/London unless <paramref name="withProfile"/> is false.</summary>
    public async Task<HttpClient> OwnerAsync(string ownerId, AccountKind kind = AccountKind.Owner, bool withProfile = true)
    {
        var client = _app.Client(await _app.CreateAccountWithKeyAsync(ownerId, kind));
        if (withProfile)
        {
            using var put = await client.PutAsJsonAsync("/api/sender", new { firstName = "Sam", lastName = "Student", email = "sam@school.example", timeZone = "Europe/London" });
            put.EnsureSuccessStatusCode();
        }

        return client;
    }

    public HttpClient Anonymous() => _app.Client(null);

    public static async Task GrantConsentAsync(HttpClient client, string coachId, params string[] scopes)
    {
        using var grant = await client.PostAsJsonAsync("/api/consents", new { coachId, scopes });
        grant.EnsureSuccessStatusCode();
    }

    /// <summary>Stores a contact met on <paramref name="metOn"/> (with an email unless told otherwise) and returns its id.</summary>
    public async Task<string> AddContactAsync(string ownerId, string name, bool withEmail = true, DateOnly? metOn = null)
    {
        var contactId = "ct-" + Guid.NewGuid().ToString("N")[..8];
        await _app.Factory.Services.GetRequiredService<DispatchStorage>().EnsureCreatedAsync(CancellationToken.None);
        await Stores.Contacts.WriteAsync(
            ownerId,
            [new Contact
            {
                OwnerId = ownerId,
                ContactId = contactId,
                FirstName = name,
                LastName = "Contact",
                Email = withEmail ? $"{contactId}@example.org" : null,
                Events = [new EventMet("Class visit", metOn ?? DateOnly.FromDateTime(Now.UtcDateTime))],
            }],
            CancellationToken.None);
        return contactId;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

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
        using var client = _app.Factory.CreateClient();
        return await client.PostAsync(new Uri("/" + function, UriKind.Relative), content);
    }

    public void Dispose() => _app.Dispose();

    private static IEnumerable<(string Key, string? Value)> TableSettings(string prefix) =>
        typeof(StoreTableNames).GetProperties()
            .Where(p => p.PropertyType == typeof(string) && p.CanWrite)
            .Select(p => ($"{DispatchingServiceCollectionExtensions.TablesSectionName}:{p.Name}", (string?)(prefix + p.Name)));
}
