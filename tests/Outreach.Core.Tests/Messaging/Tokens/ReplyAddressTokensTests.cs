using Outreach.Core.Messaging.Tokens;

namespace Outreach.Core.Tests.Messaging.Tokens;

public sealed class ReplyAddressTokensTests
{
    private readonly ReplyAddressTokens _tokens = new(TestKeys.Ring("k1", ("k1", 1)));

    [Fact]
    public void Reply_address_carries_a_signed_reference()
    {
        var address = _tokens.CreateAddress("task-0042", "mail.example.org");

        Assert.Matches("^reply\\+task-0042\\.k1\\.[a-z2-7]{16}@mail\\.example\\.org$", address);
        Assert.Equal(new ReplyAddressMatch(TokenStatus.Valid, "task-0042"), _tokens.Read(address));
    }

    [Fact]
    public void Reading_ignores_case_changes_made_by_mail_systems()
    {
        var address = _tokens.CreateAddress("task-0042", "mail.example.org");

        Assert.Equal("task-0042", _tokens.Read(address.ToUpperInvariant()).Reference);
    }

    [Fact]
    public void Changed_reference_is_tampered()
    {
        var address = _tokens.CreateAddress("task-0042", "mail.example.org");

        var result = _tokens.Read(address.Replace("task-0042", "task-0043", StringComparison.Ordinal));

        Assert.Equal(new ReplyAddressMatch(TokenStatus.Tampered, null), result);
    }

    [Theory]
    [InlineData("someone@example.org")]
    [InlineData("reply+abc@example.org")]
    [InlineData("reply+a.k1.b.c@example.org")]
    [InlineData("no-at-sign")]
    [InlineData(null)]
    public void Addresses_that_are_not_ours_are_tampered(string? address)
    {
        Assert.Equal(TokenStatus.Tampered, _tokens.Read(address).Status);
    }

    [Fact]
    public void Address_from_a_retired_key_is_unknown_key()
    {
        var address = new ReplyAddressTokens(TestKeys.Ring("k0", ("k0", 7))).CreateAddress("task-1", "x.org");

        Assert.Equal(TokenStatus.UnknownKey, _tokens.Read(address).Status);
    }

    [Fact]
    public void Local_part_stays_within_64_characters()
    {
        var longest = new string('a', _tokens.MaxReferenceLength);

        var address = _tokens.CreateAddress(longest, "x.org");

        Assert.Equal(64, address.IndexOf('@'));
        Assert.Throws<ArgumentException>(() => _tokens.CreateAddress(longest + "a", "x.org"));
        Assert.Throws<ArgumentException>(() => _tokens.CreateAddress("Task_1", "x.org"));
    }
}
