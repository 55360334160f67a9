using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Core.Accounts;
using Outreach.Core.Senders;
using Outreach.Functions.Sending;
using Outreach.Functions.Tests.Support;
using Outreach.Storage;
using Outreach.Testing.LocalServices;
using Outreach.Testing.Time;

namespace Outreach.Functions.Tests.Metrics;

/// <summary>
/// What a metrics answer costs in sender profile reads, counted on the app's own storage client as it talks to the real
/// Azurite: the zones those profiles give are needed only for a range without <c>to</c>.
/// </summary>
public sealed class MetricsZoneReadsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    // 30 November, 12:00 UTC: 30 November in London, already 1 December in Auckland.
    private readonly ManualTimeProvider _noon = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
    private readonly SenderRequests _senderReads = new();

    [Fact]
    public async Task A_coach_view_with_a_range_reads_no_sender_profile_and_one_without_still_ends_on_the_latest_today()
    {
        using var app = Start();
        var (coachClient, clients) = await CoachWithClientsAsync(app, "Europe/London", "Pacific/Auckland", "America/New_York");

        var before = _senderReads.Count;
        var ranged = await GetJsonAsync(coachClient, "/api/metrics?groupBy=owner&from=2026-09-08&to=2026-11-30");
        var weeks = await GetJsonAsync(coachClient, "/api/metrics?groupBy=week&to=2026-11-30");
        var rangedReads = _senderReads.Count - before;
        var defaulted = await GetJsonAsync(coachClient, "/api/metrics?groupBy=owner");
        var defaultReads = _senderReads.Count - before - rangedReads;

        Assert.Equal(0, rangedReads);
        Assert.Equal(clients.Count, ranged.GetProperty("owners").GetArrayLength());
        Assert.Equal("2026-09-08", weeks.GetProperty("from").GetString());
        Assert.Equal(clients.Count, defaultReads); // one profile each, read only now
        Assert.Equal("2026-12-01", defaulted.GetProperty("to").GetString());
        Assert.Equal("2026-09-09", defaulted.GetProperty("from").GetString());
    }

    [Fact]
    public async Task An_owners_own_view_with_a_to_reads_no_sender_profile()
    {
        using var app = Start();
        var owner = ApiApp.NewId("owner");
        using var client = app.Client(await app.CreateAccountWithKeyAsync(owner));
        await SaveProfileAsync(app, owner, "Pacific/Auckland");

        var before = _senderReads.Count;
        var ranged = await GetJsonAsync(client, "/api/metrics?to=2026-11-30");
        var rangedReads = _senderReads.Count - before;
        var defaulted = await GetJsonAsync(client, "/api/metrics");

        Assert.Equal(0, rangedReads);
        Assert.Equal("2026-11-30", ranged.GetProperty("to").GetString());
        Assert.Equal(1, _senderReads.Count - before);
        Assert.Equal("2026-12-01", defaulted.GetProperty("to").GetString());
    }

    [Fact]
    public async Task A_clients_follow_up_rates_are_the_same_on_their_own_page_and_on_their_coachs()
    {
        // Met on 28 November in London: the two-day window runs to the end of 30 November there, so at noon UTC the
        // client can still write in time. An Auckland client in the same coach view (already 1 December there) must not
        // make the coach's page count those meetings as not followed up while the client's own page rightly leaves them out.
        using var app = Start();
        var (coachClient, clients) = await CoachWithClientsAsync(app, "Europe/London", "Pacific/Auckland");
        var london = clients[0];
        await MetricsHistory.RecordAsync(app, london.Id, new DateOnly(2026, 11, 28));
        const string Range = "groupBy=owner&from=2026-11-16&to=2026-11-30";

        var own = Assert.Single((await GetJsonAsync(london.Client, $"/api/metrics?{Range}")).GetProperty("rows").EnumerateArray());
        var coachView = (await GetJsonAsync(coachClient, $"/api/metrics?{Range}")).GetProperty("rows").EnumerateArray()
            .Single(row => row.GetProperty("groupKey").GetString() == london.Id);

        Assert.Equal(4, own.GetProperty("contactsMet").GetInt64());
        Assert.Equal(0, own.GetProperty("followUpWithin2Days").GetProperty("trials").GetInt64());
        Assert.Equal(own.GetRawText(), coachView.GetRawText());
    }

    private ApiApp Start() => ApiApp.Start(azurite, services =>
    {
        services.AddSingleton<TimeProvider>(_noon);
        services.AddSingleton(_ =>
        {
            var options = new StorageClientOptions { TimeProvider = _noon };
            options.AddPolicy(_senderReads, HttpPipelinePosition.PerCall);
            return StorageAccount.FromConnectionString(azurite.ConnectionString, options);
        });
    });

    /// <summary>A London coach and one consenting client (with a sender profile) per zone, in the order given.</summary>
    private static async Task<(HttpClient Coach, IReadOnlyList<(string Id, HttpClient Client)> Clients)> CoachWithClientsAsync(ApiApp app, params string[] zones)
    {
        var coach = ApiApp.NewId("coach");
        var coachClient = app.Client(await app.CreateAccountWithKeyAsync(coach, AccountKind.Coach));
        var clients = new List<(string, HttpClient)>();
        foreach (var zone in zones)
        {
            var id = ApiApp.NewId("client");
            var client = app.Client(await app.CreateAccountWithKeyAsync(id));
            using var grant = await client.PostAsJsonAsync("/api/consents", new { coachId = coach, scopes = new[] { "read" } });
            Assert.Equal(HttpStatusCode.Created, grant.StatusCode);
            await SaveProfileAsync(app, id, zone);
            clients.Add((id, client));
        }

        return (coachClient, clients);
    }

    private static async Task SaveProfileAsync(ApiApp app, string ownerId, string zone)
    {
        await app.Factory.Services.GetRequiredService<SendingTables>().EnsureCreatedAsync(CancellationToken.None);
        await app.Factory.Services.GetRequiredService<ISenderProfileStore>().SaveAsync(
            new SenderProfile { OwnerId = ownerId, Email = "sender@school.example", TimeZoneId = zone }, CancellationToken.None);
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Counts the point reads of the sender profile table that the app's storage client sends.</summary>
    private sealed class SenderRequests : HttpPipelineSynchronousPolicy
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override void OnSendingRequest(HttpMessage message)
        {
            var path = message.Request.Uri.Path;
            if (message.Request.Method == RequestMethod.Get && path.Contains("/Senders(", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _count);
            }
        }
    }
}
