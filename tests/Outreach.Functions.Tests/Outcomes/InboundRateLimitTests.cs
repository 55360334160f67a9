using System.Net;
using System.Text.Json;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Outcomes;

/// <summary>The inbound webhook's verified posts count against their own allowance, not the anonymous per-address one.</summary>
public sealed class InboundRateLimitTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly OutcomesApp _app = new(azurite, ("Limits:RequestsPerMinute", "2"), ("Limits:WebhookRequestsPerMinute", "4"));

    [Fact]
    public async Task Verified_posts_have_their_own_allowance_and_unverified_ones_stay_on_the_address_one()
    {
        // Two calls without the secret from this address spend its anonymous allowance; the third is refused.
        var unverified = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var (response, _) = await _app.PostInboundJsonAsync(Stranger(i), secret: "not-the-secret");
            unverified.Add(response.StatusCode);
        }

        // The mail service's posts from the same address go on being taken, up to the webhook's own allowance.
        var verified = new List<HttpStatusCode>();
        JsonElement refusal = default;
        for (var i = 0; i < 5; i++)
        {
            var (response, body) = await _app.PostInboundJsonAsync(Stranger(10 + i));
            verified.Add(response.StatusCode);
            refusal = body;
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], unverified);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], verified);
        Assert.Equal("Limits:WebhookRequestsPerMinute", refusal.GetProperty("limit").GetString());
        Assert.Equal(4, refusal.GetProperty("limitValue").GetInt32());
    }

    [Fact]
    public async Task An_unverified_post_over_the_address_allowance_names_the_anonymous_limit()
    {
        JsonElement last = default;
        for (var i = 0; i < 3; i++)
        {
            (_, last) = await _app.PostInboundJsonAsync(Stranger(i), secret: null);
        }

        Assert.Equal("Limits:RequestsPerMinute", last.GetProperty("limit").GetString());
        Assert.Equal("At most 2 requests per minute are allowed per client address to anonymous calls (Limits:RequestsPerMinute).", last.GetProperty("detail").GetString());
    }

    public void Dispose() => _app.Dispose();

    /// <summary>A message from someone no owner wrote to: taken and answered "unmatched", nothing stored.</summary>
    private static object Stranger(int i) => new
    {
        from = $"stranger{i}@elsewhere.example",
        headers = $"From: stranger{i}@elsewhere.example\nTo: someone@in.outreach.example\nSubject: Hello\nMessage-ID: <s{i}-{Guid.NewGuid():N}@elsewhere.example>",
        text = "Hello there.",
    };
}
