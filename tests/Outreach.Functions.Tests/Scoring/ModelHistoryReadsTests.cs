using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Outreach.Core.Contacts;
using Outreach.Functions.Scoring;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Scoring;

/// <summary>
/// <c>GET /api/model</c> describes the caller's whole history for their own figures: the contacts of hundreds of sends
/// are read with a partition scan of a few requests, not one request per contact, on real Azurite.
/// </summary>
public sealed class ModelHistoryReadsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_contacts_of_a_whole_history_are_read_with_a_few_requests_not_one_each()
    {
        var requests = new RecordedRequests { InnerHandler = new HttpClientHandler() };
        await using var app = await ScoringApp.StartAsync(azurite, Start, requests);
        var owner = ApiApp.NewId("hr");
        var contacts = Enumerable.Range(0, 120).Select(i => new Contact
        {
            OwnerId = owner, ContactId = $"c{i:000}", FirstName = $"c{i:000}", Email = $"c{i:000}@example.org",
            Position = i % 3 == 0 ? "Director of Sales" : "Analyst", Events = [new EventMet("Class visit", new DateOnly(2026, 1, 2))],
        }).ToList();
        await app.SeedSentHistoryAsync(owner, contacts, i => Start.AddDays(i % 5), i => i % 6 == 0);
        app.Clock.SetUtcNow(Start.AddDays(20));
        using var client = app.Client(await app.CreateOwnerWithKeyAsync(owner));

        requests.Clear();
        var model = await client.GetFromJsonAsync<JsonElement>("/api/model");

        var yours = model.GetProperty("yours");
        Assert.Equal((120, 20), (yours.GetProperty("rows").GetInt32(), yours.GetProperty("replies").GetInt32()));
        var contactReads = requests.Paths.Where(p => p.Contains("Contacts", StringComparison.Ordinal) && !p.Contains("ContactKeys", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(contactReads, p => p.Contains("(PartitionKey=", StringComparison.Ordinal));
        Assert.InRange(contactReads.Count, 1, 2);
        Assert.True(contacts.Count > OutreachFeatureSource.PointReadsAtMost);
    }

    /// <summary>Records the path of every storage GET, then sends it to Azurite.</summary>
    private sealed class RecordedRequests : DelegatingHandler
    {
        private readonly ConcurrentQueue<string> _paths = new();

        public IEnumerable<string> Paths => _paths;

        public void Clear() => _paths.Clear();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Get)
            {
                _paths.Enqueue(Uri.UnescapeDataString(request.RequestUri!.AbsolutePath));
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
