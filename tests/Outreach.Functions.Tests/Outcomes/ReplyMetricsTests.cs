using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Outreach.Core.Senders;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Outcomes;

public sealed class ReplyMetricsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly OutcomesApp _app = new(azurite);

    [Fact]
    public async Task A_reply_naming_only_the_contact_counts_once_for_the_latest_sent_task()
    {
        var (seeded, key) = await _app.SeedNewOwnerAsync();
        await _app.Stores.Senders.SaveAsync(
            new SenderProfile { OwnerId = seeded.OwnerId, Email = OutcomesApp.OwnerAddress, TimeZoneId = "Europe/London" }, CancellationToken.None);
        using var client = _app.Client(key);
        var reply = new { contactId = seeded.ContactId, type = "replied", occurredUtc = "2026-03-03T08:30:00Z" };

        using var first = await client.PostAsJsonAsync("/api/outcomes", reply);
        using var again = await client.PostAsJsonAsync("/api/outcomes", reply);
        using var metrics = await client.GetAsync(new Uri("/api/metrics?from=2026-02-01&to=2026-03-31&groupBy=step", UriKind.Relative));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode, metrics.StatusCode));
        var row = Assert.Single((await metrics.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows").EnumerateArray());
        Assert.Equal(("thank-you", 1L), (row.GetProperty("groupKey").GetString(), row.GetProperty("replies").GetInt64()));
    }

    [Fact]
    public async Task A_reply_recorded_with_only_its_day_answering_a_note_sent_that_morning_is_counted_and_skips_the_follow_up()
    {
        var (seeded, key) = await _app.SeedNewOwnerAsync();
        await _app.Stores.Senders.SaveAsync(
            new SenderProfile { OwnerId = seeded.OwnerId, Email = OutcomesApp.OwnerAddress, TimeZoneId = "Europe/London" }, CancellationToken.None);
        using var client = _app.Client(key);

        // The thank-you went out on 2 March 2026 at 09:00 UTC; the student notes the reply came that day (midnight, before the send).
        using var recorded = await client.PostAsJsonAsync("/api/outcomes", new { taskId = seeded.ThankYouTaskId, type = "replied", occurredUtc = "2026-03-02" });
        using var metrics = await client.GetAsync(new Uri("/api/metrics?from=2026-02-01&to=2026-03-31&groupBy=step", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        Assert.Equal(Core.Planning.TaskState.Skipped, (await _app.TaskAsync(seeded.OwnerId, seeded.FollowUpTaskId)).State);
        var row = Assert.Single((await metrics.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows").EnumerateArray());
        Assert.Equal(("thank-you", 1L), (row.GetProperty("groupKey").GetString(), row.GetProperty("replies").GetInt64()));
    }

    [Fact]
    public async Task An_auto_reply_is_not_counted_as_a_reply()
    {
        var (seeded, key) = await _app.SeedNewOwnerAsync();
        await _app.Stores.Senders.SaveAsync(
            new SenderProfile { OwnerId = seeded.OwnerId, Email = OutcomesApp.OwnerAddress, TimeZoneId = "Europe/London" }, CancellationToken.None);
        var (response, _) = await _app.PostInboundJsonAsync(new
        {
            from = seeded.Contact.Email,
            to = OutcomesApp.OwnerAddress,
            subject = "Automatic reply: Thank you",
            inReplyTo = "<" + seeded.SentMessageId + ">",
            headers = "Auto-Submitted: auto-replied\nX-Autoreply: yes",
            text = "I am out of the office until Monday.",
            receivedAt = "2026-03-02T10:00:00Z",
        });
        using var client = _app.Client(key);
        using var metrics = await client.GetAsync(new Uri("/api/metrics?from=2026-02-01&to=2026-03-31&groupBy=step", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = (await metrics.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows").EnumerateArray().ToList();
        Assert.All(rows, row => Assert.Equal(0L, row.GetProperty("replies").GetInt64()));
    }

    public void Dispose() => _app.Dispose();
}
