using Microsoft.Extensions.Options;
using Outreach.Functions.Tests.Support;

namespace Outreach.Functions.Tests.Hosting;

/// <summary>
/// The app does not start without a valid token-signing ring (every email's unsubscribe link and every introduction's
/// consent links are signed with it), and says which settings to set, never echoing a key.
/// </summary>
public sealed class SigningKeyStartupTests : IDisposable
{
    private readonly TestAppRoot _root = TestAppRoot.Create();

    [Fact]
    public void Without_signing_keys_the_app_does_not_start_and_names_the_settings()
    {
        var error = StartFails(("Tokens:CurrentKeyId", ""));

        Assert.Contains("Token signing keys: The current signing key '' is not among the configured keys.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Set Tokens:CurrentKeyId and Tokens:Keys:<id>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_too_short_stops_start_up_without_echoing_it()
    {
        var shortKey = Convert.ToBase64String(new byte[16]);

        var error = StartFails(("Tokens:CurrentKeyId", "k1"), ("Tokens:Keys:k1", shortKey));

        Assert.Contains("Signing key 'k1' must be at least 32 bytes.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(shortKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_smtp_certificate_pin_stops_start_up_naming_the_setting()
    {
        var error = StartFails(("Smtp:TrustedCertificateSha256", "not-a-fingerprint"));

        Assert.Contains("Smtp:TrustedCertificateSha256 must be a SHA-256 fingerprint", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _root.Dispose();

    private OptionsValidationException StartFails(params (string Key, string? Value)[] settings) =>
        FunctionAppFactory.StartFailure<OptionsValidationException>(() => FunctionAppFactory.AsHost(_root.Path, _ => { }, settings));
}
