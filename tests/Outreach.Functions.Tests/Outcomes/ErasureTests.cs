using System.Net;
using System.Net.Http.Json;
using System.Text;
using Outreach.Core.Analytics.Events;
using Outreach.Core.Outcomes;
using Outreach.Core.Planning;
using Outreach.Functions.Tests.Support;
using Outreach.Storage.Stores;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Outcomes;

public sealed class ErasureTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly OutcomesApp _app = new(azurite);

    [Fact]
    public async Task Erasing_a_contact_leaves_its_name_email_and_linkedin_url_in_no_table_and_no_blob_but_keeps_the_counters()
    {
        var ownerId = ApiApp.NewId("o");
        var key = await _app.CreateOwnerAsync(ownerId);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var seeded = await _app.SeedAsync(ownerId, $"Ada.Lovelace.{suffix}@Contoso.com", linkedInUrl: $"https://www.linkedin.com/in/ada-{suffix}/");
        var contact = seeded.Contact;
        using var client = _app.Client(key);
        await new MetricsRecorder(_app.Stores.Counters).RecordAsync(
            new OutreachSent(ownerId, contact.ContactId, seeded.ThankYouTaskId, new MeetingContext(new DateOnly(2026, 2, 27), "Class visit"),
                new OutreachStep("class-visit", "thank-you", "thank_you"), OutcomesApp.SentUtc, 0.1),
            TimeZoneInfo.Utc,
            CancellationToken.None);
        var countersBefore = await CounterCellsAsync(ownerId);
        // Everything that stores personal data: a reply (raw mail archived), a manual note naming the contact, an unsubscribe, a rendered copy.
        var (reply, _) = await _app.PostInboundJsonAsync(new Dictionary<string, object>
        {
            ["from"] = $"{contact.FullName} <{contact.Email}>",
            ["to"] = new[] { OutcomesApp.OwnerAddress },
            ["subject"] = "Re: Thank you",
            ["messageId"] = $"<erase-{suffix}@mail.contoso.com>",
            ["inReplyTo"] = $"<{seeded.SentMessageId}>",
            ["text"] = $"Thanks! {contact.FullName}, {contact.LinkedInUrl}",
        });
        using var note = await client.PostAsJsonAsync("/api/outcomes", new { contactId = contact.ContactId, type = "meeting-booked", note = $"Met {contact.FullName} ({contact.Email})" });
        var token = OutcomesApp.UnsubscribeToken(ownerId, contact.ContactId);
        using var unsubscribe = await client.PostAsync(new Uri("/api/unsubscribe/" + token, UriKind.Relative), null);
        var rendered = _app.Account.GetBlobContainer(ContactBlobLayout.RenderedContainer);
        await rendered.CreateIfNotExistsAsync();
        await rendered.UploadAsync(ContactBlobLayout.Prefix(ownerId, contact.ContactId) + "thank-you.eml", new MemoryStream(Encoding.UTF8.GetBytes($"To: {contact.FullName} <{contact.Email}>")));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.OK), (reply.StatusCode, note.StatusCode, unsubscribe.StatusCode));
        Assert.NotEmpty(await FindPersonalDataAsync(contact.FullName!, contact.Email!, contact.LinkedInUrl!));

        using var erased = await client.DeleteAsync(new Uri($"/api/contacts/{contact.ContactId}", UriKind.Relative));
        using var erasedAgain = await client.DeleteAsync(new Uri($"/api/contacts/{contact.ContactId}", UriKind.Relative));

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound), (erased.StatusCode, erasedAgain.StatusCode));
        Assert.Empty(await FindPersonalDataAsync(contact.FullName!, contact.Email!, contact.LinkedInUrl!.Replace("https://www.", string.Empty, StringComparison.Ordinal).TrimEnd('/')));
        Assert.Empty(await _app.OutcomesAsync(ownerId));
        Assert.Empty(await _app.Stores.Tasks.ListForContactAsync(ownerId, contact.ContactId, CancellationToken.None));
        var suppressed = await _app.Stores.Suppressions.ListAsync(ownerId, CancellationToken.None);
        Assert.Equal(
            [$"contact:{contact.ContactId}", SuppressionEntry.EmailHashKey(DedupeKeys.Sha256Hex(contact.EmailKey!))],
            suppressed.Select(s => s.Key));
        Assert.True(new SuppressionList().AddEmailHash(ownerId, DedupeKeys.Sha256Hex(contact.EmailKey!)).IsSuppressed(ownerId, "re-imported", contact.EmailKey));
        Assert.NotEmpty(countersBefore);
        Assert.Equal(countersBefore, await CounterCellsAsync(ownerId));
    }

    [Fact]
    public async Task Erasing_another_owners_contact_is_not_found_and_erases_nothing()
    {
        var other = ApiApp.NewId("o");
        await _app.CreateOwnerAsync(other);
        var seeded = await _app.SeedAsync(other, $"grace.{Guid.NewGuid().ToString("N")[..8]}@contoso.com");
        using var client = _app.Client(await _app.CreateOwnerAsync(ApiApp.NewId("o")));

        using var response = await client.DeleteAsync(new Uri($"/api/contacts/{seeded.ContactId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotNull(await _app.Stores.Contacts.GetAsync(other, seeded.ContactId, CancellationToken.None));
    }

    public void Dispose() => _app.Dispose();

    /// <summary>Every table of the account (the service's own table list) and every container the app uses, as "where: kind" findings.</summary>
    private async Task<List<string>> FindPersonalDataAsync(params string[] values)
    {
        var findings = new List<string>();
        foreach (var table in await TableNamesAsync())
        {
            await foreach (var row in _app.Account.GetTable(table).QueryAsync())
            {
                var text = new StringBuilder(Uri.UnescapeDataString(row.PartitionKey)).Append('\n').Append(Uri.UnescapeDataString(row.RowKey));
                foreach (var (name, value) in row)
                {
                    text.Append('\n').Append(name).Append('=').Append(value);
                }

                findings.AddRange(values.Where(v => text.ToString().Contains(v, StringComparison.OrdinalIgnoreCase)).Select(v => $"{table}/{row.RowKey}: {Array.IndexOf(values, v)}"));
            }
        }

        foreach (var containerName in new[] { ContactBlobLayout.InboundContainer, ContactBlobLayout.RenderedContainer })
        {
            var container = _app.Account.GetBlobContainer(containerName);
            await container.CreateIfNotExistsAsync();
            await foreach (var blob in container.ListAsync())
            {
                using var content = await container.OpenReadAsync(blob.Name) ?? throw new InvalidOperationException(blob.Name);
                var text = await new StreamReader(content).ReadToEndAsync() + "\n" + blob.Name;
                findings.AddRange(values.Where(v => text.Contains(v, StringComparison.OrdinalIgnoreCase)).Select(v => $"{containerName}/{blob.Name}: {Array.IndexOf(values, v)}"));
            }
        }

        return findings;
    }

    /// <summary>The account's tables as the Table service lists them (a query on its <c>Tables</c> collection).</summary>
    private async Task<List<string>> TableNamesAsync()
    {
        var names = new List<string>();
        await foreach (var row in _app.Account.GetTable("Tables").QueryAsync())
        {
            names.Add(row.GetString("TableName") ?? throw new InvalidOperationException("A listed table has no name."));
        }

        Assert.Contains("Outcomes", names);
        return names;
    }

    /// <summary>The owner's counter cells with their values (markers and the erasure index left out).</summary>
    private async Task<List<string>> CounterCellsAsync(string ownerId)
    {
        var cells = new List<string>();
        await foreach (var row in _app.Account.GetTable(new StoreTableNames().Counters).QueryAsync())
        {
            if (row.PartitionKey.StartsWith(ownerId + "|", StringComparison.Ordinal) && !row.PartitionKey.Contains("|subject|", StringComparison.Ordinal)
                && !row.RowKey.StartsWith("~m|", StringComparison.Ordinal))
            {
                cells.Add($"{row.PartitionKey}/{row.RowKey}: {string.Join(", ", row.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}");
            }
        }

        return cells;
    }
}
