using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Outreach.Functions.Outcomes;

/// <summary>
/// Checks the inbound webhook's shared secret. Inbound-parse services cannot send an API key, but they can put HTTP
/// Basic credentials in the webhook URL (<c>https://inbound:SECRET@app/api/inbound</c>) or, for our own relays, a header.
/// Both sides are hashed before the constant-time compare, so neither the content nor the length leaks through timing.
/// </summary>
internal sealed class WebhookSecret(IOptions<OutcomesOptions> options)
{
    public const string HeaderName = "X-Webhook-Secret";

    public bool IsPresentedBy(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var expected = options.Value.WebhookSecret;
        if (string.IsNullOrEmpty(expected) || Presented(request) is not { Length: > 0 } presented)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }

    private static string? Presented(HttpRequest request)
    {
        if (request.Headers[HeaderName] is [{ Length: > 0 } header])
        {
            return header;
        }

        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var auth)
            && string.Equals(auth.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            && auth.Parameter is { } parameter)
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                return colon >= 0 ? pair[(colon + 1)..] : null;
            }
            catch (FormatException)
            {
                return null; // not base64: no credentials presented
            }
        }

        return null;
    }
}
