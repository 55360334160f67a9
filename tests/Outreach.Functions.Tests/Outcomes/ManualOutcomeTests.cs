using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Outreach.Core.Outcomes;
using Outreach.Core.Planning;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Outcomes;

public sealed class ManualOutcomeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly OutcomesApp _app = new(azurite);

    [Fact]
    public async Task Meeting_booked_for_a_task_is_stored_listed_and_skips_the_follow_up_once_however_often_it_is_posted()
    {
        var (seeded, client) = await SeedAsync();
        var body = new { taskId = seeded.ThankYouTaskId, type = "meeting-booked", occurredUtc = "2026-03-03T12:00:00Z", note = "Coffee on Friday" };

        using var first = await client.PostAsJsonAsync("/api/outcomes", body);
        using var again = await client.PostAsJsonAsync("/api/outcomes", body);
        using var list = await client.GetAsync(new Uri("/api/outcomes?take=10", UriKind.Relative));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        var outcome = Assert.Single(await _app.OutcomesAsync(seeded.OwnerId));
        Assert.Equal((OutcomeType.MeetingBooked, OutcomeSource.Manual, "Coffee on Friday"), (outcome.Type, outcome.Source, outcome.Note));
        var followUp = await _app.TaskAsync(seeded.OwnerId, seeded.FollowUpTaskId);
        Assert.Equal((TaskState.Skipped, SkipReasons.MeetingBooked), (followUp.State, followUp.SkipReason));
        var listed = Assert.Single((await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcomes").EnumerateArray());
        Assert.Equal(
            (seeded.ContactId, seeded.ThankYouTaskId, "meeting-booked", "manual", new DateTimeOffset(2026, 3, 3, 12, 0, 0, TimeSpan.Zero)),
            (listed.GetProperty("contactId").GetString(), listed.GetProperty("taskId").GetString(), listed.GetProperty("type").GetString(),
                listed.GetProperty("source").GetString(), listed.GetProperty("occurredUtc").GetDateTimeOffset()));
    }

    [Fact]
    public async Task The_same_manual_reply_posted_twice_without_a_time_is_recorded_once()
    {
        var (seeded, client) = await SeedAsync();
        var body = new { contactId = seeded.ContactId, type = "replied" };

        using var first = await client.PostAsJsonAsync("/api/outcomes", body);
        using var again = await client.PostAsJsonAsync("/api/outcomes", body);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Single(await _app.OutcomesAsync(seeded.OwnerId));
    }

    [Theory]
    [InlineData("""{"type":"bounced"}""", "type")]
    [InlineData("""{"type":"replied","occurredUtc":"2999-01-01T00:00:00Z"}""", "occurredUtc")]
    public async Task Invalid_outcome_is_refused_naming_the_field(string json, string field)
    {
        var (seeded, client) = await SeedAsync();
        var body = JsonDocument.Parse(json).RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object)p.Value.GetString()!);
        body["contactId"] = seeded.ContactId;

        using var response = await client.PostAsJsonAsync("/api/outcomes", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("target").GetString());
        Assert.Empty(await _app.OutcomesAsync(seeded.OwnerId));
    }

    [Fact]
    public async Task Outcome_for_another_owners_contact_is_not_found()
    {
        var (other, _) = await SeedAsync();
        var (_, client) = await SeedAsync();

        using var response = await client.PostAsJsonAsync("/api/outcomes", new { contactId = other.ContactId, type = "replied" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await _app.OutcomesAsync(other.OwnerId));
    }

    public void Dispose() => _app.Dispose();

    private async Task<(Seeded Seeded, HttpClient Client)> SeedAsync()
    {
        var (seeded, key) = await _app.SeedNewOwnerAsync();
        return (seeded, _app.Client(key));
    }
}
