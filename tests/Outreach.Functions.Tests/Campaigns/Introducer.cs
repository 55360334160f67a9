using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Outreach.Functions.Tests.Support;

namespace Outreach.Functions.Tests.Campaigns;

/// <summary>An owner with a sender profile and two contacts with email, A (Ada) and B (Bea), ready to introduce.</summary>
internal sealed record Introducer(string OwnerId, HttpClient Client, string A, string B) : IDisposable
{
    public static async Task<Introducer> CreateAsync(CampaignsApp app)
    {
        var ownerId = ApiApp.NewId("o");
        var client = await app.OwnerAsync(ownerId);
        return new Introducer(ownerId, client, await app.AddContactAsync(ownerId, "Ada"), await app.AddContactAsync(ownerId, "Bea"));
    }

    /// <summary>
    /// Requests an introduction of A to B (or of <paramref name="a"/> to <paramref name="b"/>: a second open request
    /// between the same two people is refused) and returns it as the API answered.
    /// </summary>
    public async Task<JsonElement> IntroduceAsync(string? a = null, string? b = null)
    {
        using var created = await Client.PostAsJsonAsync(
            "/api/introductions", new { personAContactId = a ?? A, personBContactId = b ?? B, personAConsented = true, reason = "you both like pricing" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return await CampaignsApp.JsonAsync(created);
    }

    public async Task<string> IntroduceIdAsync(string? a = null, string? b = null) => (await IntroduceAsync(a, b)).GetProperty("id").GetString()!;

    public async Task<JsonElement> GetAsync(string introductionId)
    {
        using var response = await Client.GetAsync(new Uri($"/api/introductions/{introductionId}", UriKind.Relative));
        return await CampaignsApp.JsonAsync(response);
    }

    public async Task<List<JsonElement>> TasksAsync()
    {
        using var response = await Client.GetAsync(new Uri("/api/tasks", UriKind.Relative));
        return [.. (await CampaignsApp.JsonAsync(response)).GetProperty("tasks").EnumerateArray()];
    }

    public static (string? ContactId, string? CampaignId, string? Template, string? Channel, string? State) Summary(JsonElement task) => (
        task.GetProperty("contactId").GetString(),
        task.GetProperty("campaignId").GetString(),
        task.GetProperty("template").GetString(),
        task.GetProperty("channel").GetString(),
        task.GetProperty("state").GetString());

    public void Dispose() => Client.Dispose();
}
