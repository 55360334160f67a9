using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Outreach.Functions.Tests.Support;

namespace Outreach.Functions.Tests.Dashboard;

/// <summary>
/// Three people met at a class visit (Ada Lovelace, Bo Berg, Cy Young), imported through the API into the class-visit
/// campaign for an owner with a sender profile: what the dashboard's browser tests start from.
/// </summary>
internal static class ClassVisitContacts
{
    private const string Csv = "First name,Last name,Email,Event,Met on\nAda,Lovelace,ada@school.example,Class visit,2026-01-12\n"
        + "Bo,Berg,bo@school.example,Class visit,2026-01-12\nCy,Young,cy@school.example,Class visit,2026-01-12\n";

    /// <summary>Imports them for the owner of <paramref name="key"/>; returns the planned email tasks the campaign made for them.</summary>
    public static async Task<IReadOnlyList<JsonElement>> ImportAsync(ApiApp app, string key)
    {
        await ImportAsync(app, key, Csv);
        using var client = app.Client(key);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/tasks?state=planned&channel=email");
        return [.. list.GetProperty("tasks").EnumerateArray()];
    }

    /// <summary>Gives the owner of <paramref name="key"/> a sender profile (Sam Student, London) and imports <paramref name="csv"/> into the class-visit campaign.</summary>
    public static async Task ImportAsync(ApiApp app, string key, string csv)
    {
        using var client = app.Client(key);
        using (var sender = await client.PutAsJsonAsync("/api/sender", new { firstName = "Sam", lastName = "Student", email = "sam@students.example", timeZone = "Europe/London" }))
        {
            sender.EnsureSuccessStatusCode();
        }

        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        using var imported = await client.PostAsync(new Uri("/api/imports?campaign=class-visit-follow-up", UriKind.Relative), content);
        imported.EnsureSuccessStatusCode();
    }
}
