using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Core.Planning;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;
using Outreach.Testing.Time;

namespace Outreach.Functions.Tests.Sending;

/// <summary>
/// A contact imported without a meeting date, enrolled at import, written three times by the real sender (real Azurite,
/// real maildev) on three days: the metrics API counts one meeting, followed up once, within 2 days of the import, and the
/// reply to the thank-you for that meeting.
/// </summary>
public sealed class UndatedFollowUpMetricsTests(AzuriteFixture azurite, MailDevFixture maildev)
    : SendingTest(azurite, maildev), IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>
{
    private static readonly DateTimeOffset ImportedAt = new(2026, 11, 16, 14, 0, 0, TimeSpan.Zero); // Monday, sender in UTC

    [Fact]
    public async Task An_undated_contact_sent_thank_you_follow_up_and_stay_in_touch_counts_as_one_meeting_followed_up_within_two_days()
    {
        var clock = new ManualTimeProvider(ImportedAt);
        await Scenario.SeedOwnerAsync();
        await using var host = Scenario.StartHost(MailDev.SmtpPort, services => services.AddSingleton<TimeProvider>(clock));
        using var client = host.ClientWithKey(await host.CreateAccountWithKeyAsync(Scenario.OwnerId));
        using var functions = host.CreateClient();
        using (var content = new StringContent("First name,Last name,Email,Company\nAda,Lovelace,ada@example.org,Acme\n", Encoding.UTF8, "text/csv"))
        using (var imported = await client.PostAsync(new Uri("/api/imports?campaign=class-visit-follow-up", UriKind.Relative), content))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }

        var planned = (await Scenario.Stores.Tasks.ListAsync(Scenario.OwnerId, new TaskQuery(), CancellationToken.None)).OrderBy(t => t.DueUtc).ToList();
        Assert.Equal(["thank-you", "follow-up", "stay-in-touch"], planned.Select(t => t.StepId));
        foreach (var task in planned)
        {
            // Each goes out on its own day, as the dispatcher would queue it.
            clock.SetUtcNow(task.DueUtc);
            var stored = await Scenario.ReloadAsync(task);
            Assert.NotNull(await Scenario.Stores.Tasks.TryReplaceAsync(stored.MoveTo(TaskState.Queued), CancellationToken.None));
            using var delivered = await SendScenario.PostDeliveryAsync(functions, task, dequeueCount: 1);
            Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
            Assert.Equal(TaskState.Sent, (await Scenario.ReloadAsync(task)).State);
        }

        clock.SetUtcNow(new DateTimeOffset(2027, 1, 4, 10, 0, 0, TimeSpan.Zero));
        using (var reply = await client.PostAsJsonAsync("/api/outcomes", new { taskId = planned[0].TaskId, type = "replied", occurredUtc = "2027-01-04T10:00:00Z" }))
        {
            Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        }

        var all = await OwnerRowAsync(client, "from=2026-11-01&to=2027-01-04");
        var importDay = await OwnerRowAsync(client, "from=2026-11-16&to=2026-11-16");

        Assert.Equal(3, (await MailDev.GetEmailsAsync()).Count);
        Assert.Equal((1L, 1L, 3L, 1L, 1L), Figures(all));
        Assert.Equal((1L, 1L), (Successes(all, "followUpWithin2Days"), Successes(all, "followUpWithin7Days")));
        Assert.Equal(1.0, all.GetProperty("followUpWithin2Days").GetProperty("rate").GetDouble());
        Assert.Equal((1L, 1L, 0L, 1L, 0L), Figures(importDay)); // the meeting and its reply, on the day it was counted from
    }

    [Fact]
    public async Task An_undated_contact_enrolled_ten_days_after_its_import_counts_as_followed_up_late_for_the_meeting_of_its_import_day()
    {
        var clock = new ManualTimeProvider(ImportedAt);
        await Scenario.SeedOwnerAsync();
        await using var host = Scenario.StartHost(MailDev.SmtpPort, services => services.AddSingleton<TimeProvider>(clock));
        using var client = host.ClientWithKey(await host.CreateAccountWithKeyAsync(Scenario.OwnerId));
        using var functions = host.CreateClient();
        string contactId;
        using (var content = new StringContent("First name,Last name,Email,Company\nAda,Lovelace,ada@example.org,Acme\n", Encoding.UTF8, "text/csv"))
        using (var imported = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), content))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
            var record = await imported.Content.ReadFromJsonAsync<JsonElement>();
            contactId = Assert.Single(record.GetProperty("accepted").EnumerateArray()).GetProperty("contactId").GetString()!;
        }

        // Ten days on (Thursday 26 November) the student enrols the contact; the thank-you goes out when it is due.
        clock.SetUtcNow(ImportedAt.AddDays(10));
        using (var enrolled = await client.PostAsJsonAsync("/api/campaigns/class-visit-follow-up/enrolments", new { contactIds = new[] { contactId } }))
        {
            Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        }

        var thankYou = (await Scenario.Stores.Tasks.ListAsync(Scenario.OwnerId, new TaskQuery(), CancellationToken.None)).MinBy(t => t.DueUtc)!;
        clock.SetUtcNow(thankYou.DueUtc);
        Assert.NotNull(await Scenario.Stores.Tasks.TryReplaceAsync((await Scenario.ReloadAsync(thankYou)).MoveTo(TaskState.Queued), CancellationToken.None));
        using (var delivered = await SendScenario.PostDeliveryAsync(functions, thankYou, dequeueCount: 1))
        {
            Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        }

        var importDay = await OwnerRowAsync(client, "from=2026-11-16&to=2026-11-16");
        var enrolmentWeek = await OwnerRowAsync(client, "from=2026-11-23&to=2026-11-29");

        Assert.Equal((1L, 1L, 0L, 0L, 0L), Figures(importDay)); // met and followed up on the day it was counted as met...
        Assert.Equal((0L, 0L), (Successes(importDay, "followUpWithin2Days"), Successes(importDay, "followUpWithin7Days"))); // ...late
        Assert.Equal((0L, 0L, 1L, 0L, 0L), Figures(enrolmentWeek)); // the send itself, on its own day
    }

    private static (long Met, long FollowedUp, long Sent, long ContactsReplied, long Replies) Figures(JsonElement row) =>
        (row.GetProperty("contactsMet").GetInt64(), row.GetProperty("followedUp").GetInt64(), row.GetProperty("sent").GetInt64(),
            row.GetProperty("contactsReplied").GetInt64(), row.GetProperty("replies").GetInt64());

    private static long Successes(JsonElement row, string rate) => row.GetProperty(rate).GetProperty("successes").GetInt64();

    private static async Task<JsonElement> OwnerRowAsync(HttpClient client, string range)
    {
        using var response = await client.GetAsync(new Uri($"/api/metrics?groupBy=owner&{range}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows").EnumerateArray());
    }
}
