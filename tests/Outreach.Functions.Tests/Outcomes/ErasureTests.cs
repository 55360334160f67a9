using System.Net;
using System.Net.Http.Json;
using System.Text;
using Outreach.Core.Analytics.Events;
using Outreach.Core.Contacts;
using Outreach.Core.Imports;
using Outreach.Core.Introductions;
using Outreach.Core.Outcomes;
using Outreach.Core.Planning;
using Outreach.Functions.Configuration;
using Outreach.Functions.Hosting;
using Outreach.Functions.Tests.Support;
using Outreach.Storage;
using Outreach.Storage.Stores;
using Outreach.Testing.LocalServices;
using static Outreach.Functions.Tests.Imports.ImportFiles;

namespace Outreach.Functions.Tests.Outcomes;

public sealed class ErasureTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private static readonly AppResourceManifest Manifest = AppResourceManifest.For(FunctionAppLoader.Load(RepositoryRoot.Path, _ => null));

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
    public async Task Erasing_an_imported_introduced_and_answered_contact_redacts_the_kept_upload_and_report_and_stops_the_introduction()
    {
        var ownerId = ApiApp.NewId("o");
        using var client = _app.Client(await _app.CreateOwnerAsync(ownerId));
        using var sender = await client.PutAsJsonAsync("/api/sender", new { firstName = "Sam", lastName = "Student", email = OutcomesApp.OwnerAddress, timeZone = "Europe/London" });
        var s = Guid.NewGuid().ToString("N")[..8];
        const string header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n";
        var grace = $"Grace,Hopper-{s},https://www.linkedin.com/in/grace-{s},grace.{s}@navy.example,Navy,\"Rear Admiral,\r\nCOBOL\",27 Feb 2026\r\n";
        var ada = $"Ada,Lovelace-{s},https://www.linkedin.com/in/ada-{s},Ada.{s}@Contoso.com,Analytical,\"Engines,\r\nand notes\",27 Feb 2026\r\n";
        var adaAgain = $"ada,LOVELACE-{s},,ada.home.{s}@example.org,Analytical!,Countess,27 Feb 2026\r\n";
        var adaRejected = $",,,ada.{s}@contoso.com,,,\r\n";
        var alan = $"Alan,Turing-{s},,alan.{s}@bletchley.example,Bletchley,Codebreaker,27 Feb 2026";
        using var imported = await PostCsvAsync(client, Encoding.UTF8.GetBytes(header + grace + ada + adaAgain + adaRejected + alan), $"?campaign={Outreach.Core.Campaigns.DefaultCampaigns.ClassVisitFollowUpId}");
        var record = await JsonAsync(imported);
        var importId = record.GetProperty("id").GetString()!;
        var contacts = (await ContactsAsync(client)).ToDictionary(c => c.GetProperty("fullName").GetString()!, c => c.GetProperty("id").GetString()!);
        var adaId = contacts[$"Ada Lovelace-{s}"];
        var graceId = contacts[$"Grace Hopper-{s}"];
        using var introduced = await client.PostAsJsonAsync("/api/introductions", new { personAContactId = graceId, personBContactId = adaId, personAConsented = true, reason = $"Ada Lovelace-{s} (ada.{s}@contoso.com) built the engine Grace wants to hear about" });
        var introductionId = (await JsonAsync(introduced)).GetProperty("id").GetString()!;
        using var answered = await client.PostAsJsonAsync($"/api/introductions/{introductionId}/answer", new { answer = "yes" });
        using var replied = await client.PostAsJsonAsync("/api/outcomes", new { contactId = adaId, type = "replied", note = $"Ada Lovelace-{s} wrote back from ada.{s}@contoso.com" });
        var stored = await _app.Stores.Contacts.GetAsync(ownerId, adaId, CancellationToken.None) ?? throw new InvalidOperationException("Ada was not imported.");
        string[] personal = [stored.FullName!, stored.Email!, $"linkedin.com/in/ada-{s}"];
        var countersBefore = await CounterCellsAsync(ownerId);
        var rejectedBefore = await RejectedRowsAsync(client, importId);
        var rowsBefore = await RowOutcomesAsync(client, importId);
        var alanId = contacts[$"Alan Turing-{s}"];
        var graceTasksBefore = (await _app.Stores.Tasks.ListForContactAsync(ownerId, graceId, CancellationToken.None)).Count(t => t.IntroductionId is null);
        Assert.Equal(
            (HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Created),
            (sender.StatusCode, imported.StatusCode, introduced.StatusCode, answered.StatusCode, replied.StatusCode));
        Assert.Equal((5L, 3L, 1L, 0L, 1L), Counts(record));
        Assert.Equal(3, record.GetProperty("enrolled").GetInt32());
        Assert.Contains(await FindPersonalDataAsync(personal), f => f.StartsWith("imports/", StringComparison.Ordinal));
        Assert.Contains(await FindPersonalDataAsync(personal), f => f.StartsWith("Introductions/", StringComparison.Ordinal));
        Assert.Equal(
            new[] { (adaId, IntroductionErasure.ErasedContactId), (graceId, adaId) }.Order(),
            (await _app.Stores.Tasks.ListAsync(ownerId, new TaskQuery(), CancellationToken.None)).Where(t => t.IntroductionId == introductionId)
                .Select(t => (t.ContactId, t.AlsoToContactIds.Count > 0 ? t.AlsoToContactIds[0] : IntroductionErasure.ErasedContactId)).Order());

        using var erased = await client.DeleteAsync(new Uri($"/api/contacts/{adaId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.Empty(await FindPersonalDataAsync(personal));
        var upload = await BlobAsync("imports", $"{ownerId}/{importId}/upload.csv");
        // Ada's records are emptied, their line breaks kept, so Alan is still on line 8 (the report's line).
        Assert.Equal(Encoding.UTF8.GetBytes(header + grace + "\r\n\r\n" + "\r\n" + "\r\n" + alan), upload);
        Assert.Equal(
            [$"Alan Turing-{s}|Codebreaker", $"Grace Hopper-{s}|Rear Admiral, COBOL"],
            (await ReimportAsync(upload)).Select(c => $"{c.FullName}|{c.Position}").Order(StringComparer.Ordinal));
        using var report = await client.GetAsync(new Uri($"/api/imports/{importId}", UriKind.Relative));
        var redacted = await JsonAsync(report);
        Assert.Equal((5L, 3L, 1L, 0L, 1L), Counts(redacted));
        Assert.Equal((3, 0, 0), (redacted.GetProperty("erasedRows").GetInt32(), redacted.GetProperty("rejected").GetArrayLength(), redacted.GetProperty("merged").GetArrayLength()));
        Assert.Contains($"ada.{s}@contoso.com", rejectedBefore, StringComparison.Ordinal);
        Assert.Equal("Import error," + header, await RejectedRowsAsync(client, importId)); // read from the redacted upload: the header alone
        Assert.Equal(
            [$"2,accepted,{graceId}", $"4,accepted,{adaId}", $"6,merged,{adaId}", "7,rejected,", $"8,accepted,{alanId}"],
            rowsBefore.Skip(1).Select(r => string.Join(',', r.Split(',')[..3])));
        Assert.Equal([ImportRowsCsv.Header, $"2,accepted,{graceId},,", $"8,accepted,{alanId},,"], await RowOutcomesAsync(client, importId));
        var introduction = await _app.Stores.Introductions.GetAsync(ownerId, introductionId, CancellationToken.None) ?? throw new InvalidOperationException("The introduction is gone.");
        Assert.Equal(
            (IntroductionState.Completed, graceId, IntroductionErasure.ErasedContactId, string.Empty),
            (introduction.State, introduction.PersonAContactId, introduction.PersonBContactId, introduction.Reason));
        Assert.DoesNotContain(await _app.Stores.Tasks.ListAsync(ownerId, new TaskQuery(), CancellationToken.None), t => t.IntroductionId == introductionId || t.ContactId == adaId);
        Assert.Equal(graceTasksBefore, (await _app.Stores.Tasks.ListForContactAsync(ownerId, graceId, CancellationToken.None)).Count);
        Assert.NotNull(await _app.Stores.Contacts.GetAsync(ownerId, graceId, CancellationToken.None));
        Assert.NotEmpty(countersBefore);
        Assert.Equal(countersBefore, await CounterCellsAsync(ownerId));
    }

    [Fact]
    public async Task Erasing_a_contact_redacts_a_later_upload_whose_row_found_it_by_a_second_address_and_leaves_that_address_nowhere()
    {
        var ownerId = ApiApp.NewId("o");
        using var client = _app.Client(await _app.CreateOwnerAsync(ownerId));
        var s = Guid.NewGuid().ToString("N")[..8];
        const string header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n";
        var ada = $"Ada,Lovelace-{s},https://www.linkedin.com/in/ada-{s},ada.{s}@contoso.com,Analytical,,27 Feb 2026\r\n";
        var adaHome = $"Ada,Lovelace-{s},https://www.linkedin.com/in/ada-{s},ada.home.{s}@example.org,,,\r\n"; // found by her profile: a second address
        var alan = $"Alan,Turing-{s},,alan.{s}@bletchley.example,Bletchley,Codebreaker,27 Feb 2026";
        using var first = await PostCsvAsync(client, Encoding.UTF8.GetBytes(header + ada + adaHome));
        using var second = await PostCsvAsync(client, Encoding.UTF8.GetBytes(header + $"A.,Lovelace-{s},,ada.home.{s}@example.org,,,\r\n" + alan));
        var secondId = (await JsonAsync(second)).GetProperty("id").GetString()!;
        var adaId = (await ContactsAsync(client)).Single(c => c.GetProperty("fullName").GetString() == $"Ada Lovelace-{s}").GetProperty("id").GetString()!;
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal($"2,already known,{adaId}", string.Join(',', (await RowOutcomesAsync(client, secondId))[1].Split(',')[..3]));
        // Mail to the second address was rejected (stored in plain text, as send rejections and older bounces are).
        await _app.Stores.Suppressions.AddAsync(SuppressionEntry.ForEmail(ownerId, $"Ada.Home.{s}@example.org", SkipReasons.Bounced, OutcomesApp.SentUtc), CancellationToken.None);

        using var erased = await client.DeleteAsync(new Uri($"/api/contacts/{adaId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.Equal(Encoding.UTF8.GetBytes(header + "\r\n" + alan), await BlobAsync("imports", $"{ownerId}/{secondId}/upload.csv"));
        Assert.Empty(await FindPersonalDataAsync($"ada.home.{s}@example.org", $"ada.{s}@contoso.com", $"linkedin.com/in/ada-{s}"));
        Assert.Contains(SuppressionEntry.EmailHashKey(DedupeKeys.Sha256Hex($"ada.home.{s}@example.org")), (await _app.Stores.Suppressions.ListAsync(ownerId, CancellationToken.None)).Select(e => e.Key));
    }

    [Fact]
    public async Task Erasing_a_contact_redacts_an_upload_only_the_callers_column_names_made_readable()
    {
        var ownerId = ApiApp.NewId("o");
        using var client = _app.Client(await _app.CreateOwnerAsync(ownerId));
        var s = Guid.NewGuid().ToString("N")[..8];
        const string header = "Nombre,Correo\r\n";
        var grace = $"Grace Hopper-{s},grace.{s}@navy.example\r\n";
        var alan = $"Alan Turing-{s},alan.{s}@bletchley.example\r\n";
        using var upload = await PostCsvAsync(client, Encoding.UTF8.GetBytes(header + grace + alan), "?columns=Nombre%3Dname%3BCorreo%3Demail");
        var importId = (await JsonAsync(upload)).GetProperty("id").GetString()!;
        var graceId = (await ContactsAsync(client)).Single(c => c.GetProperty("fullName").GetString() == $"Grace Hopper-{s}").GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);

        using var erased = await client.DeleteAsync(new Uri($"/api/contacts/{graceId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.Equal(Encoding.UTF8.GetBytes(header + "\r\n" + alan), await BlobAsync("imports", $"{ownerId}/{importId}/upload.csv"));
        Assert.Empty(await FindPersonalDataAsync($"grace.{s}@navy.example", $"Grace Hopper-{s}"));
    }

    [Fact]
    public async Task Erasing_a_contact_whose_mail_bounced_at_its_forwarding_alias_leaves_neither_address_in_the_suppressions()
    {
        var s = Guid.NewGuid().ToString("N")[..8];
        var sentId = $"sent-{s}@student.example";
        var (seeded, key) = await _app.SeedNewOwnerAsync($"jane.{s}@contoso.com", sentId);
        var alias = $"jdoe.{s}@mailhost.contoso.com";
        var headers = "From: MAILER-DAEMON@mail.student.example (Mail Delivery System)\n"
            + "Subject: Undelivered Mail Returned to Sender\n"
            + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\n"
            + $"Message-Id: <bounce-{s}@mail.student.example>";
        var text = "This is the mail system at host mail.student.example.\n\n"
            + $"<{alias}> (expanded from <jane.{s}@contoso.com>): host mailhost.contoso.com said: 550 5.1.1 User unknown\n\n"
            + "--b1\nContent-Type: message/delivery-status\n\n"
            + $"Final-Recipient: rfc822; {alias}\nOriginal-Recipient: rfc822; jane.{s}@contoso.com\nAction: failed\nStatus: 5.1.1\n\n"
            + "--b1\nContent-Type: text/rfc822-headers\n\n"
            + $"From: Sam Student <sam@student.example>\nTo: Jane <jane.{s}@contoso.com>\nMessage-ID: <{sentId}>\n\n--b1--\n";
        var (bounced, body) = await _app.PostInboundJsonAsync(new { from = "MAILER-DAEMON@mail.student.example", headers, text });
        Assert.Equal((HttpStatusCode.OK, "matched"), (bounced.StatusCode, body.GetProperty("status").GetString()));
        using var client = _app.Client(key);

        using var erased = await client.DeleteAsync(new Uri($"/api/contacts/{seeded.ContactId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        var suppressed = (await _app.Stores.Suppressions.ListAsync(seeded.OwnerId, CancellationToken.None)).Select(e => e.Key).ToList();
        Assert.Equal(2, suppressed.Count);
        Assert.Contains(SuppressionEntry.EmailHashKey(DedupeKeys.Sha256Hex(alias)), suppressed);
        Assert.DoesNotContain(suppressed, k => k.Contains('@', StringComparison.Ordinal));
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

    /// <summary>Every table and blob container the app declares (<see cref="AppResourceManifest"/>), as "where: value index" findings.</summary>
    private async Task<List<string>> FindPersonalDataAsync(params string[] values)
    {
        Assert.Equal(["inbound-mail", "rendered-mail", "models", "imports"], Manifest.BlobContainers);
        var findings = new List<string>();
        foreach (var table in Manifest.Tables)
        {
            await _app.Account.GetTable(table).CreateIfNotExistsAsync();
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

        foreach (var containerName in Manifest.BlobContainers)
        {
            var container = _app.Account.GetBlobContainer(containerName);
            await container.CreateIfNotExistsAsync();
            await foreach (var blob in container.ListAsync())
            {
                var text = Encoding.UTF8.GetString(await BlobAsync(containerName, blob.Name)) + "\n" + blob.Name;
                findings.AddRange(values.Where(v => text.Contains(v, StringComparison.OrdinalIgnoreCase)).Select(v => $"{containerName}/{blob.Name}: {Array.IndexOf(values, v)}"));
            }
        }

        return findings;
    }

    private async Task<byte[]> BlobAsync(string container, string name)
    {
        using var content = new MemoryStream();
        Assert.True(await _app.Account.GetBlobContainer(container).DownloadToAsync(name, content), $"{container}/{name} is missing.");
        return content.ToArray();
    }

    /// <summary>The contacts a fresh import of <paramref name="file"/> yields.</summary>
    private static async Task<IReadOnlyList<Contact>> ReimportAsync(byte[] file)
    {
        var directory = new InMemoryContactDirectory();
        using var input = new MemoryStream(file);
        await new ContactImporter(directory, directory).ImportAsync(input, new ImportOptions { OwnerId = "reimport" }, progress: null, CancellationToken.None);
        return directory.Contacts("reimport");
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

    /// <summary>GET /api/imports/{id}/rejected, without its byte order mark.</summary>
    private static async Task<string> RejectedRowsAsync(HttpClient client, string importId)
    {
        using var response = await client.GetAsync(new Uri($"/api/imports/{importId}/rejected", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
    }
}
