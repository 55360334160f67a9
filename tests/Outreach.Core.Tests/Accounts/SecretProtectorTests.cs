using Outreach.Core.Accounts;

namespace Outreach.Core.Tests.Accounts;

public sealed class SecretProtectorTests
{
    private static readonly byte[] KeyA = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] KeyB = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void Protected_secret_round_trips_for_its_owner_and_hides_the_plain_text()
    {
        var protector = new SecretProtector(new Dictionary<string, byte[]> { ["a"] = KeyA }, "a");

        var stored = protector.Protect("hunter2-smtp-pässword", "ana");

        Assert.DoesNotContain("hunter2", stored, StringComparison.Ordinal);
        Assert.StartsWith("v1.a.", stored, StringComparison.Ordinal);
        Assert.Equal("hunter2-smtp-pässword", protector.Unprotect(stored, "ana"));
    }

    [Fact]
    public void Same_secret_encrypts_differently_each_time()
    {
        var protector = new SecretProtector(new Dictionary<string, byte[]> { ["a"] = KeyA }, "a");

        Assert.NotEqual(protector.Protect("x", "ana"), protector.Protect("x", "ana"));
    }

    [Fact]
    public void Secret_copied_to_another_owner_does_not_decrypt()
    {
        var protector = new SecretProtector(new Dictionary<string, byte[]> { ["a"] = KeyA }, "a");
        var stored = protector.Protect("pw", "ana");

        var error = Assert.Throws<DomainException>(() => protector.Unprotect(stored, "ben"));

        Assert.Contains("altered or belongs to another owner", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Secret_written_under_an_old_key_still_decrypts_after_rotation()
    {
        var before = new SecretProtector(new Dictionary<string, byte[]> { ["a"] = KeyA }, "a");
        var stored = before.Protect("pw", "ana");

        var after = new SecretProtector(new Dictionary<string, byte[]> { ["a"] = KeyA, ["b"] = KeyB }, "b");

        Assert.Equal("pw", after.Unprotect(stored, "ana"));
        Assert.StartsWith("v1.b.", after.Protect("pw", "ana"), StringComparison.Ordinal);
    }

    [Fact]
    public void Secret_under_a_retired_key_is_reported_with_the_key_id()
    {
        var stored = new SecretProtector(new Dictionary<string, byte[]> { ["a"] = KeyA }, "a").Protect("pw", "ana");
        var retired = new SecretProtector(new Dictionary<string, byte[]> { ["b"] = KeyB }, "b");

        var error = Assert.Throws<DomainException>(() => retired.Unprotect(stored, "ana"));

        Assert.Equal("secrets.unknown-key", error.Code);
        Assert.Contains("'a'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_of_the_wrong_length_is_refused_at_start()
    {
        var error = Assert.Throws<DomainException>(() => new SecretProtector(new Dictionary<string, byte[]> { ["a"] = new byte[16] }, "a"));

        Assert.Contains("32 bytes", error.Message, StringComparison.Ordinal);
    }
}
