using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Outreach.Testing.LocalServices;

/// <summary>A self-signed server certificate for 127.0.0.1, made in memory for an in-test TLS server; no platform store is touched.</summary>
public static class SelfSignedCertificate
{
    /// <summary>A new certificate for <c>127.0.0.1</c> (and <c>localhost</c>), valid from an hour ago for a day, with its private key.</summary>
    public static X509Certificate2 ForLoopback()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false)); // server authentication
        var now = TimeProvider.System.GetUtcNow(); // a real certificate needs the real time
        using var created = request.CreateSelfSigned(now.AddHours(-1), now.AddDays(1));

        // Through PKCS#12, so the key is one SslStream can use as a server on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
    }

    /// <summary>The certificate's SHA-256 fingerprint, as <c>Smtp:TrustedCertificateSha256</c> takes it.</summary>
    public static string Sha256Of(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.GetCertHashString(HashAlgorithmName.SHA256);
    }
}
