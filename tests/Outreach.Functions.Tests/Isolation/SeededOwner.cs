using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Outreach.Core.Planning;
using Outreach.Functions.Tests.Campaigns;
using Outreach.Functions.Tests.Imports;
using Outreach.Functions.Tests.Support;

namespace Outreach.Functions.Tests.Isolation;

/// <summary>
/// An owner with one of everything, made through the API as a user would: a class-visit import (three contacts, one
/// without email so it gets a LinkedIn task), an own campaign they are enrolled in, an own follow-up template, an
/// introduction, a reply, a second API key and consent for a coach. <see cref="Ids"/> names each by walk token;
/// <see cref="Markers"/> are strings only this owner's data contains.
/// </summary>
internal sealed record SeededOwner(string OwnerId, HttpClient Client, IReadOnlyDictionary<string, string> Ids, IReadOnlyList<string> Markers) : IDisposable
{
    public const string CampaignId = "b-only";
    public const string MetricsWindow = "from=2026-01-01&to=2026-01-31&groupBy=owner";

    private static readonly string[] Trio = ["Zenobia Quillfeather", "Bartholomew Wrenfield", "Cyrus Ashgrove"];

    /// <summary>Seeds <paramref name="ownerId"/>, who consents to <paramref name="coachId"/>; three people (two with email) at <paramref name="company"/>.</summary>
    public static async Task<SeededOwner> CreateAsync(CampaignsApp app, string ownerId, string coachId, IReadOnlyList<string>? people = null, string company = "Fabrikam")
    {
        people ??= Trio;
        var client = await app.OwnerAsync(ownerId);
        var import = await Json(await ImportFiles.PostCsvAsync(client, PeopleCsv(ownerId, people, company)), HttpStatusCode.OK);
        var contacts = (await GetJsonAsync(client, "/api/contacts?take=100")).GetProperty("contacts").EnumerateArray()
            .ToDictionary(c => c.GetProperty("fullName").GetString()!, c => c.GetProperty("id").GetString()!);
        var (zenobia, bartholomew, cyrus) = (contacts[people[0]], contacts[people[1]], contacts[people[2]]);
        await SendAsync(client, HttpMethod.Post, "/api/campaigns", HttpStatusCode.Created, new
        {
            id = CampaignId,
            name = $"{company} private campaign",
            steps = new[] { new { stepId = "s", template = "thank_you", delay = new { amount = 1, unit = "businessDays" } } },
        });
        var enrolled = await SendAsync(client, HttpMethod.Post, $"/api/campaigns/{CampaignId}/enrolments", HttpStatusCode.OK, new { contactIds = new[] { zenobia, bartholomew, cyrus } });
        Assert.Equal(3, enrolled.GetProperty("planned").GetInt32());
        await SendAsync(client, HttpMethod.Put, "/api/templates/follow_up", HttpStatusCode.OK, new
        {
            title = $"{company} private title", subject = $"{company} private subject", text = $"{company} private text", html = $"<p>{company} private html</p>",
        });
        var introduction = await SendAsync(client, HttpMethod.Post, "/api/introductions", HttpStatusCode.Created, new
        {
            personAContactId = zenobia, personBContactId = bartholomew, personAConsented = true, reason = $"{company} private reason",
        });
        await SendAsync(client, HttpMethod.Post, "/api/outcomes", HttpStatusCode.Created, new { contactId = bartholomew, type = "replied", note = $"{company} private note" });
        var key = await SendAsync(client, HttpMethod.Post, "/api/keys", HttpStatusCode.Created, new { name = $"{company} private key" });
        await CampaignsApp.GrantConsentAsync(client, coachId, "read");

        var ids = new Dictionary<string, string>
        {
            ["owner"] = ownerId,
            ["contact"] = zenobia,
            ["contact2"] = bartholomew,
            ["linkedin"] = cyrus,
            ["import"] = import.GetProperty("id").GetString()!,
            ["campaign"] = CampaignId,
            ["task"] = TaskIds.ForCampaignStep(ownerId, CampaignId, zenobia, "s"),
            ["linkedinTask"] = TaskIds.ForCampaignStep(ownerId, CampaignId, cyrus, "s"),
            ["intro"] = introduction.GetProperty("id").GetString()!,
            ["key"] = key.GetProperty("details").GetProperty("keyId").GetString()!,
            ["coach"] = coachId,
        };
        string[] markers = [.. people.SelectMany(p => p.Split(' ')), company];
        return new SeededOwner(ownerId, client, ids, markers);
    }

    /// <summary>A class-visit sheet of <paramref name="people"/> at <paramref name="company"/> (the last has no email), met on Monday 12 January 2026.</summary>
    public static byte[] PeopleCsv(string ownerId, IReadOnlyList<string> people, string company)
    {
        var csv = new StringBuilder("First name,Last name,Email,LinkedIn URL,Company,Position,Event,Met on,What we talked about,What I can offer,Tags\n");
        for (var i = 0; i < people.Count; i++)
        {
            var (first, last) = (people[i].Split(' ')[0], people[i].Split(' ')[1]);
            var email = i < people.Count - 1 ? $"{first.ToLowerInvariant()}@{ownerId}.example" : string.Empty;
            var linkedIn = i == people.Count - 1 ? $"https://www.linkedin.com/in/{first.ToLowerInvariant()}-{ownerId}" : string.Empty;
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{first},{last},{email},{linkedIn},{company},Engineer,Class visit: {company},2026-01-12,,,\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>Everything this owner can read about their own data, as status and body per route (B's view, before and after the walk).</summary>
    public async Task<IReadOnlyList<string>> SnapshotAsync()
    {
        string[] paths =
        [
            "/api/account", "/api/keys", "/api/imports", $"/api/imports/{Ids["import"]}", "/api/contacts?take=100",
            $"/api/contacts/{Ids["contact"]}", $"/api/contacts/{Ids["linkedin"]}", "/api/campaigns", $"/api/campaigns/{CampaignId}",
            "/api/tasks", $"/api/tasks/{Ids["task"]}/draft", "/api/sender", "/api/templates", "/api/templates/follow_up",
            "/api/introductions", $"/api/introductions/{Ids["intro"]}", "/api/outcomes", $"/api/metrics?{MetricsWindow}",
            "/api/history?format=csv",
        ];
        var snapshot = new List<string>();
        foreach (var path in paths)
        {
            using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
            snapshot.Add($"{path} {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return snapshot;
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return await Json(response, HttpStatusCode.OK);
    }

    public void Dispose() => Client.Dispose();

    private static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, HttpStatusCode expected, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        return await Json(response, expected);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }
}
