using Outreach.Core.Accounts;
using Outreach.Testing.Time;

namespace Outreach.Core.Tests.Accounts;

public sealed class ApiKeysTests
{
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Issued_key_verifies_against_its_record_and_is_not_stored_in_plain_text()
    {
        var (plain, record) = ApiKeys.Issue("owner-1", ApiScopes.OwnerDefault, "laptop", _time);

        Assert.StartsWith("otr_", plain, StringComparison.Ordinal);
        Assert.True(ApiKeys.Verify(plain, record));
        Assert.Equal(32, record.SecretHash.Length);
        Assert.DoesNotContain(plain[^20..], Convert.ToBase64String(record.SecretHash), StringComparison.Ordinal);
        Assert.Equal(_time.GetUtcNow(), record.CreatedAt);
        Assert.Equal("owner-1", record.AccountId);
    }

    [Fact]
    public void Key_carries_at_least_256_bits_of_secret()
    {
        var (plain, _) = ApiKeys.Issue("owner-1", ApiScopes.Read, "k", _time);

        Assert.True(ApiKeys.TryParse(plain, out _, out var secret));
        Assert.True(System.Buffers.Text.Base64Url.DecodeFromChars(secret).Length * 8 >= 256);
    }

    [Fact]
    public void Two_issued_keys_differ()
    {
        var first = ApiKeys.Issue("owner-1", ApiScopes.Read, "a", _time).PlainText;
        var second = ApiKeys.Issue("owner-1", ApiScopes.Read, "b", _time).PlainText;

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Revoked_key_no_longer_verifies()
    {
        var (plain, record) = ApiKeys.Issue("owner-1", ApiScopes.Read, "k", _time);

        var revoked = record with { RevokedAt = _time.GetUtcNow() };

        Assert.False(ApiKeys.Verify(plain, revoked));
    }

    [Fact]
    public void Key_with_one_changed_character_is_rejected()
    {
        var (plain, record) = ApiKeys.Issue("owner-1", ApiScopes.Read, "k", _time);
        var last = plain[^1] == 'A' ? 'B' : 'A';

        Assert.False(ApiKeys.Verify(plain[..^1] + last, record));
    }

    [Fact]
    public void Key_presented_against_another_keys_record_is_rejected()
    {
        var (plain, _) = ApiKeys.Issue("owner-1", ApiScopes.Read, "k", _time);
        var (_, other) = ApiKeys.Issue("owner-2", ApiScopes.Read, "k", _time);

        Assert.False(ApiKeys.Verify(plain, other));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer otr_x")]
    [InlineData("otr_short_secret")]
    [InlineData("sk_live_0123456789")]
    public void Malformed_keys_do_not_parse(string? presented)
    {
        Assert.False(ApiKeys.TryParse(presented, out _, out _));
    }

    [Fact]
    public void Key_without_scopes_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => ApiKeys.Issue("owner-1", ApiScopes.None, "k", _time));

        Assert.Equal("scopes", error.Target);
    }
}
