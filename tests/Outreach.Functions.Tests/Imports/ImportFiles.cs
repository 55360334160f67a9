using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Imports;

/// <summary>The shipped sample files and the requests the import tests send.</summary>
internal static class ImportFiles
{
    public static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, "samples", name));

    /// <summary>
    /// A file of <paramref name="count"/> numbered people under <paramref name="header"/>, one line each: by default
    /// <c>Person 0,p0@example.org</c>, <c>Person 1,p1@example.org</c>...; <paramref name="line"/> writes row i otherwise.
    /// </summary>
    public static string NumberedPeople(int count, string header = "Name,Email", Func<int, string>? line = null)
    {
        var file = new StringBuilder(header).Append('\n');
        for (var i = 0; i < count; i++)
        {
            file.Append(line?.Invoke(i) ?? string.Create(CultureInfo.InvariantCulture, $"Person {i},p{i}@example.org")).Append('\n');
        }

        return file.ToString();
    }

    /// <summary>
    /// Hands the handler one delivery of import <paramref name="importId"/>'s queue message, as the Functions host does: the
    /// <c>ImportContacts</c> invocation, its <paramref name="dequeueCount"/> saying which delivery it is.
    /// </summary>
    public static Task<HttpResponseMessage> DeliverAsync(ApiApp app, string ownerId, string importId, int dequeueCount = 1, CancellationToken cancellationToken = default) =>
        DeliverMessageAsync(app, JsonSerializer.Serialize(new { ownerId, importId }), dequeueCount, cancellationToken);

    /// <summary><see cref="DeliverAsync"/> of a queue message with the text <paramref name="messageText"/> (as queued, or made up).</summary>
    public static async Task<HttpResponseMessage> DeliverMessageAsync(ApiApp app, string messageText, int dequeueCount = 1, CancellationToken cancellationToken = default)
    {
        var envelope = JsonSerializer.Serialize(new
        {
            Data = new { message = messageText },
            Metadata = new { DequeueCount = dequeueCount, Id = Guid.NewGuid().ToString(), sys = new { MethodName = "ImportContacts", UtcNow = DateTimeOffset.UtcNow, RandGuid = Guid.NewGuid() } },
        });
        using var host = app.Factory.CreateClient();
        return await host.PostAsync(new Uri("/ImportContacts", UriKind.Relative), new StringContent(envelope, Encoding.UTF8, "application/json"), cancellationToken);
    }

    /// <summary>
    /// Imports Pat Doe (<paramref name="email"/>) at once, then uploads a larger file naming Pat again after 60 others,
    /// which is queued (the app's <c>Imports:SyncMaxBytes</c> being under its size): Pat's contact id and the queued import's id.
    /// </summary>
    public static async Task<(string PatId, string QueuedId)> PatThenQueuedFileNamingPatAsync(HttpClient client, string email)
    {
        string patId;
        using (var first = await PostCsvAsync(client, Encoding.UTF8.GetBytes($"Name,Email\nPat Doe,{email}\n")))
        {
            patId = (await JsonAsync(first)).GetProperty("accepted")[0].GetProperty("contactId").GetString()!;
        }

        using var upload = await PostCsvAsync(client, Encoding.UTF8.GetBytes(NumberedPeople(60) + $"Pat Doe,{email}\n"));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, upload.StatusCode);
        return (patId, (await JsonAsync(upload)).GetProperty("id").GetString()!);
    }

    public static Task<HttpResponseMessage> PostCsvAsync(HttpClient client, byte[] file, string query = "")
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return client.PostAsync(new Uri("/api/imports" + query, UriKind.Relative), content);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>The owner's imports as <c>GET /api/imports</c> lists them, newest first.</summary>
    public static async Task<IReadOnlyList<JsonElement>> ListedAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/api/imports", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return [.. (await JsonAsync(response)).GetProperty("imports").EnumerateArray()];
    }

    /// <summary>counts as (rows, accepted, merged, alreadyKnown, rejected).</summary>
    public static (long, long, long, long, long) Counts(JsonElement record)
    {
        var counts = record.GetProperty("counts");
        return (counts.GetProperty("rows").GetInt64(), counts.GetProperty("accepted").GetInt64(), counts.GetProperty("merged").GetInt64(),
            counts.GetProperty("alreadyKnown").GetInt64(), counts.GetProperty("rejected").GetInt64());
    }

    public static async Task<IReadOnlyList<JsonElement>> ContactsAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/api/contacts?take=1000", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return [.. (await JsonAsync(response)).GetProperty("contacts").EnumerateArray()];
    }

    /// <summary>GET /api/imports/{id}/rows: its lines without the byte order mark, the header first.</summary>
    public static async Task<string[]> RowOutcomesAsync(HttpClient client, string importId)
    {
        using var response = await client.GetAsync(new Uri($"/api/imports/{importId}/rows", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Polls a queued import's record until it has completed or failed (at most 30 seconds), and returns it.</summary>
    public static async Task<JsonElement> WaitForFinishedAsync(HttpClient client, Uri location)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            using var response = await client.GetAsync(location, deadline.Token);
            var record = await JsonAsync(response);
            if (record.GetProperty("status").GetString() is "completed" or "failed")
            {
                return record;
            }

            await Task.Delay(100, deadline.Token);
        }
    }
}
