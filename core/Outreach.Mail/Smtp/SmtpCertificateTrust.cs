using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Outreach.Mail.Smtp;

/// <summary>
/// The one rule for an SMTP server's certificate: it validates (chain and name), or its SHA-256 fingerprint is one that
/// configuration pins (<see cref="SmtpOptions.TrustedCertificateSha256"/>), for a server with a self-signed certificate:
/// an in-test TLS server, a deployment's own server on a trusted network. Nothing is pinned by default, and then the rule
/// is the platform's. SmtpClient reads its callback from <c>ServicePointManager</c>, which is process-wide, so it is
/// installed only once a pin is configured, and a pinned certificate is then accepted on any SMTP connection of the
/// process: a pin names one certificate, whose private key only that server holds. The mailbox check speaks TLS itself
/// and honours only its own options' pin (<see cref="For"/>).
/// </summary>
internal static class SmtpCertificateTrust
{
    private static readonly ConcurrentDictionary<string, bool> Pins = new(StringComparer.OrdinalIgnoreCase);
    private static int _installed;

    /// <summary>Pins <paramref name="sha256"/> (hex, colons and spaces ignored) and makes SmtpClient ask <see cref="Validate"/>.</summary>
    /// <exception cref="ArgumentException">It is not 64 hex digits.</exception>
    public static void Pin(string sha256)
    {
        Pins[Checked(sha256)] = true;
        if (Interlocked.Exchange(ref _installed, 1) == 0)
        {
#pragma warning disable SYSLIB0014 // SmtpClient's STARTTLS reads its certificate callback from ServicePointManager and nowhere else.
            var previous = ServicePointManager.ServerCertificateValidationCallback;
            ServicePointManager.ServerCertificateValidationCallback = (sender, certificate, chain, errors) =>
                Validate(sender, certificate, chain, errors) || (previous?.Invoke(sender, certificate, chain, errors) ?? false);
#pragma warning restore SYSLIB0014
        }
    }

    /// <summary>True when the certificate validates, or its fingerprint was pinned with <see cref="Pin"/>.</summary>
    public static bool Validate(object? sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        errors == SslPolicyErrors.None || (certificate is not null && Pins.ContainsKey(certificate.GetCertHashString(HashAlgorithmName.SHA256)));

    /// <summary>
    /// The callback for one connection of <paramref name="options"/> (the mailbox check speaks TLS itself): the platform's
    /// rule, or those options' own pin, and no pin made for another transport of the process.
    /// </summary>
    /// <exception cref="ArgumentException">The pin is not 64 hex digits.</exception>
    public static RemoteCertificateValidationCallback For(SmtpOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.TrustedCertificateSha256))
        {
            return (_, _, _, errors) => errors == SslPolicyErrors.None;
        }

        var pin = Checked(options.TrustedCertificateSha256);
        return (_, certificate, _, errors) => errors == SslPolicyErrors.None
            || (certificate is not null && string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), pin, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>True when <paramref name="sha256"/> is a SHA-256 fingerprint (64 hex digits, ':' or spaces between them allowed).</summary>
    public static bool IsWellFormed(string sha256) => Normalize(sha256) is { Length: 64 } hex && hex.All(char.IsAsciiHexDigit);

    private static string Checked(string sha256)
    {
        return IsWellFormed(sha256)
            ? Normalize(sha256)
            : throw new ArgumentException("Smtp:TrustedCertificateSha256 must be a SHA-256 fingerprint: 64 hex digits.", nameof(sha256));
    }

    private static string Normalize(string sha256) => new([.. sha256.Where(c => c is not (':' or ' '))]);
}
