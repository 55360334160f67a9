using System.Text.RegularExpressions;
using Outreach.Core.Messaging.Tokens;
using Outreach.Testing.Time;

namespace Outreach.Core.Tests.Messaging.Tokens;

public sealed class SignedTokenServiceTests
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    private SignedTokenService Service(SigningKeyRing ring) => new(ring, _clock);

    private SignedTokenService K1 => Service(TestKeys.Ring("k1", ("k1", 1)));

    [Fact]
    public void Valid_token_returns_its_claims()
    {
        var token = K1.Create("unsubscribe", "owner-7", TokenSubjects.ForContact("c-42"));

        var result = K1.Validate(token, "unsubscribe");

        Assert.Equal(TokenStatus.Valid, result.Status);
        Assert.True(result.IsValid);
        Assert.Equal(new SignedTokenClaims("unsubscribe", "owner-7", "c:c-42", _clock.GetUtcNow(), null, "k1"), result.Claims);
    }

    [Fact]
    public void Token_is_url_safe()
    {
        var token = K1.Create("unsubscribe", "owner with spaces/ü", "e:" + new string('f', 32));

        Assert.Matches(new Regex("^[A-Za-z0-9_.-]+$"), token);
        Assert.Equal(token, Uri.EscapeDataString(token));
    }

    [Fact]
    public void Altered_payload_is_tampered()
    {
        var token = K1.Create("unsubscribe", "owner-7", "c:c-42");
        var forged = K1.Create("unsubscribe", "owner-8", "c:c-42");
        var parts = token.Split('.');
        var swapped = $"{parts[0]}.{forged.Split('.')[1]}.{parts[2]}";
        var flipped = $"{parts[0]}.{Flip(parts[1])}.{parts[2]}";

        Assert.Equal(TokenStatus.Tampered, K1.Validate(swapped, "unsubscribe").Status);
        Assert.Equal(TokenStatus.Tampered, K1.Validate(flipped, "unsubscribe").Status);
        Assert.Null(K1.Validate(swapped, "unsubscribe").Claims);
    }

    [Fact]
    public void Altered_signature_is_tampered()
    {
        var token = K1.Create("unsubscribe", "owner-7", "c:c-42");
        var parts = token.Split('.');

        Assert.Equal(TokenStatus.Tampered, K1.Validate($"{parts[0]}.{parts[1]}.{Flip(parts[2])}", "unsubscribe").Status);
        Assert.Equal(TokenStatus.Tampered, K1.Validate($"{parts[0]}.{parts[1]}.{parts[2][..^2]}", "unsubscribe").Status);
        Assert.Equal(TokenStatus.Tampered, K1.Validate($"{parts[0]}.{parts[1]}.!!", "unsubscribe").Status);
    }

    [Fact]
    public void Token_signed_with_another_secret_under_the_same_key_id_is_tampered()
    {
        var token = Service(TestKeys.Ring("k1", ("k1", 9))).Create("unsubscribe", "owner-7", "c:c-42");

        Assert.Equal(TokenStatus.Tampered, K1.Validate(token, "unsubscribe").Status);
    }

    [Fact]
    public void Token_for_an_unknown_key_id_is_refused_as_unknown_key()
    {
        var token = Service(TestKeys.Ring("k9", ("k9", 1))).Create("unsubscribe", "owner-7", "c:c-42");

        Assert.Equal(TokenStatus.UnknownKey, K1.Validate(token, "unsubscribe").Status);
    }

    [Fact]
    public void After_rotation_old_tokens_still_verify_and_new_ones_use_the_new_key()
    {
        var old = K1.Create("unsubscribe", "owner-7", "c:c-42");
        var rotated = Service(TestKeys.Ring("k2", ("k1", 1), ("k2", 2)));

        var fresh = rotated.Create("unsubscribe", "owner-7", "c:c-42");

        Assert.Equal(TokenStatus.Valid, rotated.Validate(old, "unsubscribe").Status);
        Assert.StartsWith("k2.", fresh, StringComparison.Ordinal);
        Assert.Equal("k2", rotated.Validate(fresh, "unsubscribe").Claims!.KeyId);
        Assert.Equal(TokenStatus.UnknownKey, K1.Validate(fresh, "unsubscribe").Status);
    }

    [Fact]
    public void Token_expires_after_its_lifetime()
    {
        var token = K1.Create("reply-link", "owner-7", "c:c-42", TimeSpan.FromDays(30));

        _clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        Assert.Equal(TokenStatus.Valid, K1.Validate(token, "reply-link").Status);

        _clock.Advance(TimeSpan.FromSeconds(1));
        var expired = K1.Validate(token, "reply-link");
        Assert.Equal(TokenStatus.Expired, expired.Status);
        Assert.Null(expired.Claims);
    }

    [Fact]
    public void Token_for_another_purpose_is_tampered()
    {
        var token = K1.Create("reply-link", "owner-7", "c:c-42");

        Assert.Equal(TokenStatus.Tampered, K1.Validate(token, "unsubscribe").Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("k1")]
    [InlineData("k1.abc")]
    [InlineData("k1.a.b.c")]
    [InlineData("k1..")]
    public void Malformed_tokens_are_tampered(string? token)
    {
        Assert.Equal(TokenStatus.Tampered, K1.Validate(token, "unsubscribe").Status);
    }

    [Fact]
    public void Overlong_token_is_refused_without_work()
    {
        Assert.Equal(TokenStatus.Tampered, K1.Validate("k1." + new string('a', SignedTokenService.MaxTokenLength), "unsubscribe").Status);
    }

    [Fact]
    public void Email_subject_is_a_case_insensitive_hash_not_the_address()
    {
        var subject = TokenSubjects.ForEmail(" Ann.Lee@Example.org ");

        Assert.Equal(TokenSubjects.ForEmail("ann.lee@example.org"), subject);
        Assert.Matches(new Regex("^e:[0-9a-f]{32}$"), subject);
    }

    private static string Flip(string text) => (text[0] == 'A' ? 'B' : 'A') + text[1..];
}
