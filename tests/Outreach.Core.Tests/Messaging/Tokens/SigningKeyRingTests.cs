using Outreach.Core.Messaging.Tokens;

namespace Outreach.Core.Tests.Messaging.Tokens;

public sealed class SigningKeyRingTests
{
    [Fact]
    public void Keys_bind_from_base64_configuration()
    {
        var options = new SigningKeyOptions { CurrentKeyId = "k2" };
        options.Keys["k1"] = Convert.ToBase64String(TestKeys.Key(1));
        options.Keys["k2"] = Convert.ToBase64String(TestKeys.Key(2));

        var ring = SigningKeyRing.From(options);

        Assert.Equal("k2", ring.CurrentKeyId);
        Assert.Equal(["k1", "k2"], ring.KeyIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Short_keys_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new SigningKeyRing("k1", new Dictionary<string, byte[]> { ["k1"] = new byte[16] }));

        Assert.StartsWith("Signing key 'k1' must be at least 32 bytes.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Current_key_must_be_in_the_ring()
    {
        Assert.Throws<ArgumentException>(() => TestKeys.Ring("k2", ("k1", 1)));
    }

    [Fact]
    public void Key_ids_are_lower_case_letters_and_digits()
    {
        Assert.Throws<ArgumentException>(() => TestKeys.Ring("K1", ("K1", 1)));
        Assert.Throws<ArgumentException>(() => TestKeys.Ring("k.1", ("k.1", 1)));
    }

    [Fact]
    public void Invalid_base64_is_refused_without_echoing_the_secret()
    {
        var options = new SigningKeyOptions { CurrentKeyId = "k1" };
        options.Keys["k1"] = "not base64 secret!";

        var error = Assert.Throws<ArgumentException>(() => SigningKeyRing.From(options));

        Assert.DoesNotContain("secret!", error.Message, StringComparison.Ordinal);
    }
}
