using System.Net;
using Outreach.Core.Messaging.Tokens;
using Outreach.Core.Outcomes;
using Outreach.Core.Planning;
using Outreach.Core.Sending;
using Outreach.Testing.LocalServices;
using Outreach.Testing.Time;

namespace Outreach.Functions.Tests.Outcomes;

public sealed class UnsubscribeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly OutcomesApp _app = new(azurite);

    [Fact]
    public async Task Opening_the_link_shows_a_form_that_posts_back_and_unsubscribes_nobody()
    {
        var seeded = await SeedAsync();
        var token = Token(seeded);
        using var client = _app.Client();

        using var response = await client.GetAsync(new Uri("/api/unsubscribe/" + token, UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<form method=\"post\" action=\"/api/unsubscribe/{token}\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await _app.Stores.Suppressions.ListAsync(seeded.OwnerId, CancellationToken.None));
    }

    [Fact]
    public async Task One_click_post_suppresses_the_contact_and_its_address_skips_every_pending_step_and_repeats_harmlessly()
    {
        var seeded = await SeedAsync();
        using var client = _app.Client();

        using var first = await client.PostAsync(new Uri("/api/unsubscribe/" + Token(seeded), UriKind.Relative), OneClick());
        using var again = await client.PostAsync(new Uri("/api/unsubscribe/" + Token(seeded), UriKind.Relative), OneClick());

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        var keys = (await _app.Stores.Suppressions.ListAsync(seeded.OwnerId, CancellationToken.None)).Select(s => (s.Key, s.Reason));
        Assert.Equal([($"contact:{seeded.ContactId}", "unsubscribed"), ($"email:{seeded.Contact.EmailKey}", "unsubscribed")], keys);
        var outcome = Assert.Single(await _app.OutcomesAsync(seeded.OwnerId));
        Assert.Equal((OutcomeType.Unsubscribed, OutcomeSource.UnsubscribeLink), (outcome.Type, outcome.Source));
        var followUp = await _app.TaskAsync(seeded.OwnerId, seeded.FollowUpTaskId);
        Assert.Equal((TaskState.Skipped, SkipReasons.Unsubscribed), (followUp.State, followUp.SkipReason));
    }

    [Fact]
    public async Task Link_signed_with_the_previous_key_still_unsubscribes_after_rotation()
    {
        var seeded = await SeedAsync();
        var oldToken = OutcomesApp.UnsubscribeToken(seeded.OwnerId, seeded.ContactId, currentKeyId: "k1");
        using var client = _app.Client();

        using var response = await client.PostAsync(new Uri("/api/unsubscribe/" + oldToken, UriKind.Relative), OneClick());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(OutcomeType.Unsubscribed, Assert.Single(await _app.OutcomesAsync(seeded.OwnerId)).Type);
    }

    [Fact]
    public async Task Tampered_unknown_key_expired_and_wrong_purpose_tokens_all_get_the_same_not_found_page()
    {
        var seeded = await SeedAsync();
        var good = Token(seeded);
        var parts = good.Split('.');
        var tampered = $"{parts[0]}.{parts[1]}.{(parts[2][0] == 'A' ? 'B' : 'A')}{parts[2][1..]}";
        var unknownKey = new SignedTokenService(new SigningKeyRing("k9", new Dictionary<string, byte[]> { ["k9"] = OutcomesApp.CurrentKey }), TimeProvider.System)
            .Create(MessageComposer.UnsubscribePurpose, seeded.OwnerId, TokenSubjects.ForContact(seeded.ContactId));
        var past = new ManualTimeProvider(DateTimeOffset.UtcNow.AddDays(-2));
        var expired = new SignedTokenService(OutcomesApp.Ring(), past)
            .Create(MessageComposer.UnsubscribePurpose, seeded.OwnerId, TokenSubjects.ForContact(seeded.ContactId), TimeSpan.FromDays(1));
        var otherPurpose = new SignedTokenService(OutcomesApp.Ring(), TimeProvider.System)
            .Create("intro-consent", seeded.OwnerId, TokenSubjects.ForContact(seeded.ContactId));
        using var client = _app.Client();

        var pages = new List<(HttpStatusCode, string)>();
        foreach (var token in new[] { tampered, unknownKey, expired, otherPurpose, "not-a-token" })
        {
            using var get = await client.GetAsync(new Uri("/api/unsubscribe/" + token, UriKind.Relative));
            using var post = await client.PostAsync(new Uri("/api/unsubscribe/" + token, UriKind.Relative), OneClick());
            pages.Add((get.StatusCode, await get.Content.ReadAsStringAsync()));
            pages.Add((post.StatusCode, await post.Content.ReadAsStringAsync()));
        }

        Assert.All(pages, page => Assert.Equal(pages[0], page));
        Assert.Equal(HttpStatusCode.NotFound, pages[0].Item1);
        Assert.Empty(await _app.Stores.Suppressions.ListAsync(seeded.OwnerId, CancellationToken.None));
        Assert.Empty(await _app.OutcomesAsync(seeded.OwnerId));
    }

    [Fact]
    public async Task Mail_to_the_mailto_unsubscribe_address_unsubscribes_the_contact_instead_of_counting_as_a_reply()
    {
        // What a mail client sends for the mailto form of List-Unsubscribe: the subject the link names, no thread headers.
        var seeded = await SeedAsync();
        var mail = new Dictionary<string, object>
        {
            ["from"] = $"Jane Doe <{seeded.Contact.Email}>",
            ["to"] = new[] { "unsubscribe@outreach.example" },
            ["subject"] = "unsubscribe " + Token(seeded),
            ["messageId"] = $"<{Guid.NewGuid():N}@mail.contoso.com>",
            ["text"] = "",
            ["receivedAt"] = "2026-03-02T10:15:00Z",
        };

        var (response, body) = await _app.PostInboundJsonAsync(mail);
        var (_, again) = await _app.PostInboundJsonAsync(mail);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("matched", "unsubscribe"), (body.GetProperty("status").GetString(), body.GetProperty("kind").GetString()));
        Assert.Equal("duplicate", again.GetProperty("status").GetString());
        var keys = (await _app.Stores.Suppressions.ListAsync(seeded.OwnerId, CancellationToken.None)).Select(s => (s.Key, s.Reason));
        Assert.Equal([($"contact:{seeded.ContactId}", "unsubscribed"), ($"email:{seeded.Contact.EmailKey}", "unsubscribed")], keys);
        var outcome = Assert.Single(await _app.OutcomesAsync(seeded.OwnerId));
        Assert.Equal((OutcomeType.Unsubscribed, OutcomeSource.UnsubscribeLink), (outcome.Type, outcome.Source));
        Assert.Equal(TaskState.Sent, (await _app.TaskAsync(seeded.OwnerId, seeded.ThankYouTaskId)).State);
        var followUp = await _app.TaskAsync(seeded.OwnerId, seeded.FollowUpTaskId);
        Assert.Equal((TaskState.Skipped, SkipReasons.Unsubscribed), (followUp.State, followUp.SkipReason));
    }

    [Fact]
    public async Task Mail_to_the_unsubscribe_address_whose_key_was_retired_unsubscribes_the_senders_contact_and_is_no_reply()
    {
        // Signed with "k0", a key no longer in the ring: the token does not verify, but the mail still asks to stop.
        var seeded = await SeedAsync();
        var retiredRing = new SigningKeyRing("k0", new Dictionary<string, byte[]> { ["k0"] = [.. Enumerable.Range(201, 32).Select(i => (byte)i)] });
        var retired = new SignedTokenService(retiredRing, TimeProvider.System)
            .Create(MessageComposer.UnsubscribePurpose, seeded.OwnerId, TokenSubjects.ForContact(seeded.ContactId));

        var (_, body) = await _app.PostInboundJsonAsync(new Dictionary<string, object>
        {
            ["from"] = $"Jane Doe <{seeded.Contact.Email}>",
            ["to"] = new[] { "unsubscribe@outreach.example" },
            ["subject"] = "unsubscribe " + retired,
            ["messageId"] = $"<{Guid.NewGuid():N}@mail.contoso.com>",
            ["text"] = "",
            ["receivedAt"] = "2026-03-02T10:15:00Z",
        });

        Assert.Equal(("matched", "unsubscribe", "sender-open-sequence"), (body.GetProperty("status").GetString(), body.GetProperty("kind").GetString(), body.GetProperty("method").GetString()));
        var outcome = Assert.Single(await _app.OutcomesAsync(seeded.OwnerId));
        Assert.Equal(OutcomeType.Unsubscribed, outcome.Type);
        var keys = (await _app.Stores.Suppressions.ListAsync(seeded.OwnerId, CancellationToken.None)).Select(s => (s.Key, s.Reason));
        Assert.Equal([($"contact:{seeded.ContactId}", "unsubscribed"), ($"email:{seeded.Contact.EmailKey}", "unsubscribed")], keys);
        Assert.Equal(TaskState.Sent, (await _app.TaskAsync(seeded.OwnerId, seeded.ThankYouTaskId)).State); // not "replied"
        var followUp = await _app.TaskAsync(seeded.OwnerId, seeded.FollowUpTaskId);
        Assert.Equal((TaskState.Skipped, SkipReasons.Unsubscribed), (followUp.State, followUp.SkipReason));
    }

    [Fact]
    public async Task Mail_asking_to_unsubscribe_with_a_tampered_token_is_not_an_unsubscribe()
    {
        var seeded = await SeedAsync();
        var token = Token(seeded);
        var tampered = token[..^2] + (token[^2] == 'A' ? "BB" : "AA");

        var (_, body) = await _app.PostInboundJsonAsync(new Dictionary<string, object>
        {
            ["from"] = "Stranger <stranger@elsewhere.example>",
            ["to"] = new[] { "unsubscribe@outreach.example" },
            ["subject"] = "unsubscribe " + tampered,
            ["messageId"] = $"<{Guid.NewGuid():N}@elsewhere.example>",
            ["text"] = "",
            ["receivedAt"] = "2026-03-02T10:15:00Z",
        });

        Assert.Equal("unmatched", body.GetProperty("status").GetString());
        Assert.Empty(await _app.Stores.Suppressions.ListAsync(seeded.OwnerId, CancellationToken.None));
        Assert.Empty(await _app.OutcomesAsync(seeded.OwnerId));
    }

    public void Dispose() => _app.Dispose();

    private static FormUrlEncodedContent OneClick() => new(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" });

    private static string Token(Seeded seeded) => OutcomesApp.UnsubscribeToken(seeded.OwnerId, seeded.ContactId);

    private async Task<Seeded> SeedAsync() => (await _app.SeedNewOwnerAsync()).Seeded;
}
