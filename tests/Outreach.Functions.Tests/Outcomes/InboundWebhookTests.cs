using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Outreach.Core.Messaging.Tokens;
using Outreach.Core.Outcomes;
using Outreach.Core.Planning;
using Outreach.Core.Tests.Outcomes.Support;
using Outreach.Functions.Tests.Support;
using Outreach.Storage.Stores.Outcomes;
using Outreach.Testing.LocalServices;
using Outreach.Testing.Time;
using Microsoft.Extensions.DependencyInjection;

namespace Outreach.Functions.Tests.Outcomes;

public sealed class InboundWebhookTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly OutcomesApp _app = new(azurite);

    [Fact]
    public async Task Reply_matched_by_in_reply_to_is_stored_stops_the_follow_up_and_is_archived_under_the_contact()
    {
        var seeded = await SeedAsync();
        var sentId = SentIdOf(seeded);

        var (response, body) = await _app.PostInboundJsonAsync(Reply(seeded, inReplyTo: $"<{sentId}>", messageId: $"<r-{seeded.ContactId}@mail.contoso.com>"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("matched", "reply", "in-reply-to"), (Text(body, "status"), Text(body, "kind"), Text(body, "method")));
        var outcome = Assert.Single(await _app.OutcomesAsync(seeded.OwnerId));
        Assert.Equal((OutcomeType.Replied, OutcomeSource.Inbound, seeded.ContactId, seeded.ThankYouTaskId), (outcome.Type, outcome.Source, outcome.ContactId, outcome.TaskId));
        Assert.Equal(TaskState.Replied, (await _app.TaskAsync(seeded.OwnerId, seeded.ThankYouTaskId)).State);
        var followUp = await _app.TaskAsync(seeded.OwnerId, seeded.FollowUpTaskId);
        Assert.Equal((TaskState.Skipped, SkipReasons.Replied), (followUp.State, followUp.SkipReason));
        var blobs = await BlobNamesAsync(ContactBlobLayout.Prefix(seeded.OwnerId, seeded.ContactId));
        Assert.Equal([ContactBlobLayout.Prefix(seeded.OwnerId, seeded.ContactId) + DedupeKeys.Sha256Hex(outcome.DedupeKey) + ".json"], blobs);
    }

    [Fact]
    public async Task Reply_whose_client_dropped_in_reply_to_matches_by_references()
    {
        var seeded = await SeedAsync();

        var (_, body) = await _app.PostInboundJsonAsync(Reply(seeded, references: [$"<{SentIdOf(seeded)}>", "<unknown-later@elsewhere.example>"]));

        Assert.Equal(("matched", "references"), (Text(body, "status"), Text(body, "method")));
        Assert.Equal(OutcomeType.Replied, Assert.Single(await _app.OutcomesAsync(seeded.OwnerId)).Type);
    }

    [Fact]
    public async Task Reply_to_the_signed_reply_address_matches_its_task_without_thread_headers()
    {
        var seeded = await SeedAsync();
        var replyAddress = new ReplyAddressTokens(OutcomesApp.Ring()).CreateAddress(seeded.ThankYouTaskId, OutcomesApp.ReplyDomain);

        var (_, body) = await _app.PostInboundJsonAsync(Reply(seeded, to: replyAddress));

        Assert.Equal(("matched", "reply-token"), (Text(body, "status"), Text(body, "method")));
        Assert.Equal(seeded.ThankYouTaskId, Assert.Single(await _app.OutcomesAsync(seeded.OwnerId)).TaskId);
    }

    [Fact]
    public async Task Reply_address_with_a_tampered_signature_matches_nothing()
    {
        var seeded = await SeedAsync();
        var genuine = new ReplyAddressTokens(OutcomesApp.Ring()).CreateAddress(seeded.ThankYouTaskId, OutcomesApp.ReplyDomain);
        var forged = genuine.Replace(seeded.ThankYouTaskId, new string('a', seeded.ThankYouTaskId.Length), StringComparison.Ordinal);

        var (_, body) = await _app.PostInboundJsonAsync(Reply(seeded, to: forged, from: "stranger@elsewhere.example"));

        Assert.Equal(("unmatched", "no-candidate"), (Text(body, "status"), Text(body, "reason")));
        Assert.Empty(await _app.OutcomesAsync(seeded.OwnerId));
        Assert.Equal(TaskState.Planned, (await _app.TaskAsync(seeded.OwnerId, seeded.FollowUpTaskId)).State);
    }

    [Fact]
    public async Task Reply_without_thread_headers_or_token_matches_the_senders_one_open_sequence()
    {
        var seeded = await SeedAsync();

        var (_, body) = await _app.PostInboundJsonAsync(Reply(seeded));

        Assert.Equal(("matched", "sender-open-sequence"), (Text(body, "status"), Text(body, "method")));
        var outcome = Assert.Single(await _app.OutcomesAsync(seeded.OwnerId));
        Assert.Equal((seeded.ContactId, seeded.ThankYouTaskId), (outcome.ContactId, outcome.TaskId));
        Assert.Equal(TaskState.Skipped, (await _app.TaskAsync(seeded.OwnerId, seeded.FollowUpTaskId)).State);
    }

    [Fact]
    public async Task Reply_from_a_second_address_an_import_brought_matches_the_contacts_open_sequence()
    {
        var ownerId = ApiApp.NewId("o");
        var key = await _app.CreateOwnerAsync(ownerId);
        var s = Guid.NewGuid().ToString("N")[..8];
        var seeded = await _app.SeedAsync(ownerId, $"jane.{s}@contoso.com", linkedInUrl: $"https://www.linkedin.com/in/jane-{s}");
        using var client = _app.Client(key);
        var sheet = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
            + $"Jane,{seeded.Contact.LastName},https://www.linkedin.com/in/jane-{s},jane.home.{s}@example.org,,,27 Feb 2026\r\n";
        using var imported = await Imports.ImportFiles.PostCsvAsync(client, System.Text.Encoding.UTF8.GetBytes(sheet)); // found by her profile: a second address
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        var (_, body) = await _app.PostInboundJsonAsync(Reply(seeded, from: $"Jane Doe <jane.home.{s}@example.org>"));

        Assert.Equal(("matched", "sender-open-sequence"), (Text(body, "status"), Text(body, "method")));
        Assert.Equal(seeded.ContactId, Assert.Single(await _app.OutcomesAsync(ownerId)).ContactId);
        Assert.Equal(TaskState.Skipped, (await _app.TaskAsync(ownerId, seeded.FollowUpTaskId)).State);
    }

    [Fact]
    public async Task Reply_from_the_further_address_of_an_imported_Outlook_row_matches_the_contacts_open_sequence()
    {
        var ownerId = ApiApp.NewId("o");
        var key = await _app.CreateOwnerAsync(ownerId);
        var s = Guid.NewGuid().ToString("N")[..8];
        var seeded = await _app.SeedAsync(ownerId, $"jane.{s}@contoso.com");
        using var client = _app.Client(key);
        var outlook = "First Name,Middle Name,Last Name,E-mail Address,E-mail 2 Address,Company\r\n"
            + $"Jane,,{seeded.Contact.LastName},jane.{s}@contoso.com,jane.work.{s}@example.org,\r\n"; // her address, and a second one in slot 2
        using var imported = await Imports.ImportFiles.PostCsvAsync(client, System.Text.Encoding.UTF8.GetBytes(outlook));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        var (_, body) = await _app.PostInboundJsonAsync(Reply(seeded, from: $"Jane Doe <jane.work.{s}@example.org>"));

        Assert.Equal(("matched", "sender-open-sequence"), (Text(body, "status"), Text(body, "method")));
        Assert.Equal(seeded.ContactId, Assert.Single(await _app.OutcomesAsync(ownerId)).ContactId);
    }

    [Fact]
    public async Task Same_delivery_posted_twice_is_recorded_once_and_answered_as_duplicate()
    {
        var seeded = await SeedAsync();
        var reply = Reply(seeded, inReplyTo: $"<{SentIdOf(seeded)}>", messageId: $"<dup-{seeded.ContactId}@mail.contoso.com>");

        var (_, first) = await _app.PostInboundJsonAsync(reply);
        var (second, again) = await _app.PostInboundJsonAsync(reply);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(("matched", "duplicate"), (Text(first, "status"), Text(again, "status")));
        Assert.Single(await _app.OutcomesAsync(seeded.OwnerId));
    }

    [Fact]
    public async Task Delivery_whose_processing_died_after_its_claim_is_processed_when_the_service_retries_after_the_lease()
    {
        var clock = new ManualTimeProvider(TimeProvider.System.GetUtcNow());
        using var app = new OutcomesApp(azurite, services => services.AddSingleton<TimeProvider>(clock));
        var seeded = (await app.SeedNewOwnerAsync()).Seeded;
        var messageId = $"crash-{seeded.ContactId}@mail.contoso.com";
        var reply = Reply(seeded, inReplyTo: $"<{SentIdOf(seeded)}>", messageId: $"<{messageId}>");

        // What a recycled process (or storage failing the writes and the give-back alike) leaves: the claim, nothing else.
        Assert.True(await new TableInboundLedger(app.Account.GetTable("InboundLedger"), clock).TryRecordAsync("mid:" + messageId, CancellationToken.None));
        var (_, meanwhile) = await app.PostInboundJsonAsync(reply); // within the lease the first invocation may still be running
        clock.Advance(TableInboundLedger.ClaimLease);
        var (_, retried) = await app.PostInboundJsonAsync(reply);
        var (_, again) = await app.PostInboundJsonAsync(reply);

        Assert.Equal(("duplicate", "matched", "duplicate"), (Text(meanwhile, "status"), Text(retried, "status"), Text(again, "status")));
        Assert.Equal(OutcomeType.Replied, Assert.Single(await app.OutcomesAsync(seeded.OwnerId)).Type);
        Assert.Equal(TaskState.Skipped, (await app.TaskAsync(seeded.OwnerId, seeded.FollowUpTaskId)).State);
    }

    [Fact]
    public async Task Mailgun_form_post_matches_by_its_in_reply_to_field()
    {
        var seeded = await SeedAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(seeded.Contact.Email!), "sender" },
            { new StringContent($"Jane Doe <{seeded.Contact.Email}>"), "From" },
            { new StringContent("Sam <" + OutcomesApp.OwnerAddress + ">"), "To" },
            { new StringContent("Re: Thank you"), "subject" },
            { new StringContent($"<mg-{seeded.ContactId}@mail.contoso.com>"), "Message-Id" },
            { new StringContent($"<{SentIdOf(seeded)}>"), "In-Reply-To" },
            { new StringContent("Thanks Sam, happy to stay in touch."), "body-plain" },
        };

        var (response, body) = await _app.PostInboundAsync(form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("matched", "in-reply-to"), (Text(body, "status"), Text(body, "method")));
    }

    [Fact]
    public async Task SendGrid_form_post_matches_by_the_raw_headers_field()
    {
        var seeded = await SeedAsync();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["headers"] = $"Message-ID: <sg-{seeded.ContactId}@mail.contoso.com>\nIn-Reply-To: <{SentIdOf(seeded)}>\nSubject: Re: Thank you\n",
            ["from"] = $"Jane Doe <{seeded.Contact.Email}>",
            ["to"] = OutcomesApp.OwnerAddress,
            ["subject"] = "Re: Thank you",
            ["text"] = "Thanks Sam!",
            ["envelope"] = $$"""{"to":["{{OutcomesApp.OwnerAddress}}"],"from":"{{seeded.Contact.Email}}"}""",
        });

        var (_, body) = await _app.PostInboundAsync(form);

        Assert.Equal(("matched", "in-reply-to"), (Text(body, "status"), Text(body, "method")));
    }

    [Fact]
    public async Task SendGrid_fields_in_the_charset_its_charsets_field_names_are_decoded_with_it()
    {
        var seeded = await SeedAsync();
        var latin1 = Encoding.Latin1;
        using var form = new MultipartFormDataContent
        {
            { new StringContent($"Message-ID: <sg-l1-{seeded.ContactId}@mail.contoso.fr>\nIn-Reply-To: <{SentIdOf(seeded)}>\n"), "headers" },
            { new StringContent($"Jane Doe <{seeded.Contact.Email}>"), "from" },
            { new StringContent(OutcomesApp.OwnerAddress), "to" },
            { new ByteArrayContent(latin1.GetBytes("Réponse automatique : Merci pour la visite")), "subject" },
            { new ByteArrayContent(latin1.GetBytes("Je suis absente jusqu'au 9 mars. Réponse à mon retour.")), "text" },
            { new StringContent("""{"to":"UTF-8","from":"UTF-8","subject":"iso-8859-1","text":"iso-8859-1"}"""), "charsets" },
            { new StringContent($$"""{"to":["{{OutcomesApp.OwnerAddress}}"],"from":"{{seeded.Contact.Email}}"}"""), "envelope" },
        };
        foreach (var part in form)
        {
            part.Headers.ContentType = null; // SendGrid's parts carry no Content-Type of their own
        }

        var (response, body) = await _app.PostInboundAsync(form);

        Assert.Equal((HttpStatusCode.OK, "matched", "auto-reply"), (response.StatusCode, Text(body, "status"), Text(body, "kind")));
        Assert.Equal(OutcomeType.AutoReplied, Assert.Single(await _app.OutcomesAsync(seeded.OwnerId)).Type);
    }

    [Theory]
    [InlineData("utf-7")] // known to .NET but switched off: GetEncoding throws NotSupportedException, not ArgumentException
    [InlineData("x-no-such-charset")]
    public async Task SendGrid_fields_in_a_charset_dotnet_cannot_decode_are_read_as_utf8_and_the_reply_still_matches(string charset)
    {
        var seeded = await SeedAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent($"Message-ID: <sg-u7-{seeded.ContactId}@mail.contoso.fr>\nIn-Reply-To: <{SentIdOf(seeded)}>\n"), "headers" },
            { new StringContent($"Jane Doe <{seeded.Contact.Email}>"), "from" },
            { new StringContent(OutcomesApp.OwnerAddress), "to" },
            { new StringContent("Re: Thanks for the visit"), "subject" },
            { new StringContent("Happy to talk next week."), "text" },
            { new StringContent($$"""{"to":"UTF-8","from":"UTF-8","subject":"{{charset}}","text":"{{charset}}"}"""), "charsets" },
            { new StringContent($$"""{"to":["{{OutcomesApp.OwnerAddress}}"],"from":"{{seeded.Contact.Email}}"}"""), "envelope" },
        };
        foreach (var part in form)
        {
            part.Headers.ContentType = null;
        }

        var (response, body) = await _app.PostInboundAsync(form);

        Assert.Equal((HttpStatusCode.OK, "matched"), (response.StatusCode, Text(body, "status")));
        Assert.Equal(OutcomeType.Replied, Assert.Single(await _app.OutcomesAsync(seeded.OwnerId)).Type);
    }

    [Fact]
    public async Task SendGrid_reply_carrying_an_attachment_larger_than_the_request_limit_is_matched_and_the_file_is_not_kept()
    {
        var seeded = await SeedAsync();
        using var form = SendGridForm(seeded, "sg-cv", "Thanks Sam, my CV is attached.");
        form.Add(new StringContent("1"), "attachments");
        var cv = new ByteArrayContent(new byte[1536 * 1024]); // 1.5 MB: over Limits:MaxRequestBytes (1 MB)
        cv.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(cv, "attachment1", "cv.pdf");

        var (response, body) = await _app.PostInboundAsync(form);

        Assert.Equal((HttpStatusCode.OK, "matched", "reply"), (response.StatusCode, Text(body, "status"), Text(body, "kind")));
        Assert.Equal(TaskState.Skipped, (await _app.TaskAsync(seeded.OwnerId, seeded.FollowUpTaskId)).State);
        var archived = Assert.Single(await BlobNamesAsync(ContactBlobLayout.Prefix(seeded.OwnerId, seeded.ContactId)));
        var fields = await ArchivedFieldsAsync(archived);
        Assert.DoesNotContain("attachment1", fields.Keys);
        Assert.Equal("Thanks Sam, my CV is attached.", fields["text"]);
    }

    [Fact]
    public async Task SendGrid_text_field_over_its_limit_is_refused_naming_the_field_and_records_nothing()
    {
        var seeded = await SeedAsync();
        using var form = SendGridForm(seeded, "sg-huge", new string('x', 4_000_001)); // 4 bytes a character of the 1,000,000 allowed, and one more

        var (response, body) = await _app.PostInboundAsync(form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(("inbound.too-large", "text"), (Text(body, "code"), Text(body, "target")));
        Assert.Contains("4,000,000 bytes", Text(body, "title"), StringComparison.Ordinal);
        Assert.Empty(await _app.OutcomesAsync(seeded.OwnerId));
        Assert.Equal(TaskState.Planned, (await _app.TaskAsync(seeded.OwnerId, seeded.FollowUpTaskId)).State);
    }

    [Fact]
    public async Task Multipart_post_cut_off_before_its_closing_boundary_is_refused_as_unreadable_not_a_server_error()
    {
        var seeded = await SeedAsync();
        using var form = SendGridForm(seeded, "sg-cut", "Thanks Sam!");
        var bytes = await form.ReadAsByteArrayAsync();
        using var cut = new ByteArrayContent(bytes[..(bytes.Length / 2)]);
        cut.Headers.ContentType = form.Headers.ContentType;

        var (response, body) = await _app.PostInboundAsync(cut);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(("inbound.invalid-form", "body"), (Text(body, "code"), Text(body, "target")));
        Assert.Empty(await _app.OutcomesAsync(seeded.OwnerId));
    }

    [Fact]
    public async Task Exchange_out_of_office_is_recorded_as_an_auto_reply_and_the_sequence_goes_on()
    {
        var seeded = await SeedAsync(MailSamples.SentId);

        var (_, body) = await _app.PostInboundJsonAsync(OutcomesApp.SampleAsJson(MailSamples.ExchangeOutOfOffice));

        Assert.Equal(("matched", "auto-reply"), (Text(body, "status"), Text(body, "kind")));
        Assert.Equal(OutcomeType.AutoReplied, Assert.Single(await _app.OutcomesAsync(seeded.OwnerId)).Type);
        Assert.Equal(TaskState.Planned, (await _app.TaskAsync(seeded.OwnerId, seeded.FollowUpTaskId)).State);
        Assert.Equal(TaskState.Sent, (await _app.TaskAsync(seeded.OwnerId, seeded.ThankYouTaskId)).State);
    }

    [Fact]
    public async Task Gmail_vacation_responder_is_an_auto_reply_not_a_reply()
    {
        var seeded = await SeedAsync(MailSamples.SentId);

        var (_, body) = await _app.PostInboundJsonAsync(OutcomesApp.SampleAsJson(MailSamples.GmailVacationResponder));

        Assert.Equal("auto-reply", Text(body, "kind"));
        Assert.Equal(OutcomeType.AutoReplied, Assert.Single(await _app.OutcomesAsync(seeded.OwnerId)).Type);
    }

    [Fact]
    public async Task Postfix_hard_bounce_suppresses_the_address_and_skips_pending_email_steps()
    {
        var seeded = await SeedAsync(MailSamples.SentId, email: "jane.doe@contoso.com");

        var (_, body) = await _app.PostInboundJsonAsync(OutcomesApp.SampleAsJson(MailSamples.PostfixHardBounce));

        Assert.Equal(("matched", "bounce", "bounced-message-id"), (Text(body, "status"), Text(body, "kind"), Text(body, "method")));
        var outcome = Assert.Single(await _app.OutcomesAsync(seeded.OwnerId));
        Assert.Equal((OutcomeType.Bounced, BounceSeverity.Hard), (outcome.Type, outcome.BounceSeverity));
        var suppression = Assert.Single(await _app.Stores.Suppressions.ListAsync(seeded.OwnerId, CancellationToken.None));
        Assert.Equal((SuppressionEntry.EmailHashKey(DedupeKeys.Sha256Hex("jane.doe@contoso.com")), SkipReasons.Bounced), (suppression.Key, suppression.Reason));
        Assert.True(new SuppressionList().AddEmailHash(seeded.OwnerId, DedupeKeys.Sha256Hex("jane.doe@contoso.com")).IsSuppressed(seeded.OwnerId, "another", "jane.doe@contoso.com"));
        var followUp = await _app.TaskAsync(seeded.OwnerId, seeded.FollowUpTaskId);
        Assert.Equal((TaskState.Skipped, SkipReasons.Bounced), (followUp.State, followUp.SkipReason));
    }

    [Fact]
    public async Task Hard_bounce_naming_no_readable_address_suppresses_the_matched_contacts_address()
    {
        var seeded = await SeedAsync();
        var ndr = $"From: postmaster@contoso.example\nSubject: Undeliverable: Thank you\nMessage-ID: <ndr-{seeded.ContactId}@contoso.example>\n"
            + $"In-Reply-To: <{seeded.SentMessageId}>\n\nThe recipient's mailbox is unavailable. 550 5.1.1\n";

        var (_, body) = await _app.PostInboundJsonAsync(OutcomesApp.SampleAsJson(ndr));

        Assert.Equal(("matched", "bounce"), (Text(body, "status"), Text(body, "kind")));
        var suppression = Assert.Single(await _app.Stores.Suppressions.ListAsync(seeded.OwnerId, CancellationToken.None));
        Assert.Equal((SuppressionEntry.EmailHashKey(DedupeKeys.Sha256Hex(seeded.Contact.EmailKey!)), SkipReasons.Bounced), (suppression.Key, suppression.Reason));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret")]
    public async Task Delivery_without_the_webhook_secret_is_refused_and_records_nothing(string? secret)
    {
        var seeded = await SeedAsync();

        var (response, _) = await _app.PostInboundAsync(JsonContent(Reply(seeded, inReplyTo: $"<{SentIdOf(seeded)}>")), secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await _app.OutcomesAsync(seeded.OwnerId));
    }

    [Fact]
    public async Task Secret_in_the_webhook_header_is_accepted()
    {
        var seeded = await SeedAsync();
        using var client = _app.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/inbound") { Content = JsonContent(Reply(seeded, inReplyTo: $"<{SentIdOf(seeded)}>")) };
        request.Headers.Add("X-Webhook-Secret", OutcomesApp.WebhookSecret);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Body_of_no_known_shape_is_refused_naming_the_body()
    {
        var (response, body) = await _app.PostInboundJsonAsync(new { hello = "world" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(("inbound.unknown-shape", "body"), (Text(body, "code"), Text(body, "target")));
    }

    public void Dispose() => _app.Dispose();

    private static System.Net.Http.Json.JsonContent JsonContent(object value) => System.Net.Http.Json.JsonContent.Create(value);

    private static string SentIdOf(Seeded seeded) => seeded.SentMessageId;

    private async Task<Seeded> SeedAsync(string? sentId = null, string? email = null) => (await _app.SeedNewOwnerAsync(email, sentId)).Seeded;

    private static Dictionary<string, object> Reply(
        Seeded seeded, string? inReplyTo = null, string[]? references = null, string? to = null, string? from = null, string? messageId = null)
    {
        var reply = new Dictionary<string, object>
        {
            ["from"] = from ?? $"Jane Doe <{seeded.Contact.Email}>",
            ["to"] = new[] { to ?? OutcomesApp.OwnerAddress },
            ["subject"] = "Re: Thank you for visiting our class",
            ["messageId"] = messageId ?? $"<{Guid.NewGuid():N}@mail.contoso.com>",
            ["text"] = "Thanks Sam, happy to stay in touch.",
            ["receivedAt"] = "2026-03-02T10:15:00Z",
        };
        if (inReplyTo is not null)
        {
            reply["inReplyTo"] = inReplyTo;
        }

        if (references is not null)
        {
            reply["references"] = references;
        }

        return reply;
    }

    /// <summary>A SendGrid Inbound Parse post (parsed mode) answering the seeded thank-you, its parts without a Content-Type as SendGrid sends them.</summary>
    private static MultipartFormDataContent SendGridForm(Seeded seeded, string id, string text)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent($"Message-ID: <{id}-{seeded.ContactId}@mail.contoso.com>\nIn-Reply-To: <{SentIdOf(seeded)}>\n"), "headers" },
            { new StringContent($"Jane Doe <{seeded.Contact.Email}>"), "from" },
            { new StringContent(OutcomesApp.OwnerAddress), "to" },
            { new StringContent("Re: Thank you"), "subject" },
            { new StringContent(text), "text" },
            { new StringContent($$"""{"to":["{{OutcomesApp.OwnerAddress}}"],"from":"{{seeded.Contact.Email}}"}"""), "envelope" },
        };
        foreach (var part in form)
        {
            part.Headers.ContentType = null;
        }

        return form;
    }

    private async Task<Dictionary<string, string>> ArchivedFieldsAsync(string blobName)
    {
        await using var content = await _app.Account.GetBlobContainer(ContactBlobLayout.InboundContainer).OpenReadAsync(blobName)
            ?? throw new InvalidOperationException($"Blob {blobName} is gone.");
        return (await JsonSerializer.DeserializeAsync<Dictionary<string, string>>(content))!;
    }

    private static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private async Task<List<string>> BlobNamesAsync(string prefix)
    {
        var names = new List<string>();
        await foreach (var blob in _app.Account.GetBlobContainer(ContactBlobLayout.InboundContainer).ListAsync(prefix))
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
