using System.ComponentModel.DataAnnotations;

namespace Outreach.Mail.Smtp;

/// <summary>
/// How to reach the SMTP server (section <c>Smtp</c>). Defaults suit a submission server with STARTTLS on 587;
/// locally, maildev is <c>Host=127.0.0.1, Port=1025, EnableSsl=false</c>. Credentials come from configuration
/// (Key Vault in Azure), never from code.
/// </summary>
public sealed class SmtpOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Smtp";

    /// <summary>Server host name.</summary>
    [Required]
    public string Host { get; set; } = string.Empty;

    /// <summary>Server port (587 submission with STARTTLS).</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>Upgrade with STARTTLS (System.Net.Mail does not support implicit TLS on 465).</summary>
    public bool EnableSsl { get; set; } = true;

    /// <summary>User name for AUTH, or null to send without authentication.</summary>
    public string? UserName { get; set; }

    /// <summary>Password for AUTH.</summary>
    public string? Password { get; set; }

    /// <summary>Time allowed for one send, connection included.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an open connection may sit unused before it is closed instead of reused; below the 5 minutes
    /// RFC 5321 lets servers wait, and below the 60-120 s many submission servers use.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sends in flight at once (one SmtpClient each: SmtpClient is not thread-safe).</summary>
    [Range(1, 64)]
    public int MaxConnections { get; set; } = 4;

    /// <summary>
    /// Lets owners' own mailbox accounts use any server: loopback, private, link-local and reserved addresses, and any port.
    /// Off by default, and off in a hosted deployment: an owner's server must then be a public address on a mail port
    /// (<see cref="SmtpServerPolicy"/>), so nobody can make the deployment connect into its own network. On for local runs
    /// (maildev on 127.0.0.1) and tests, or a deployment whose owners' mail server is on its own network. The deployment's
    /// own server (<see cref="Host"/>) is the operator's choice and never checked.
    /// </summary>
    public bool AllowPrivateServers { get; set; }

    /// <summary>
    /// The SHA-256 fingerprint (64 hex digits) of one server certificate to accept for STARTTLS although it does not
    /// validate (self-signed, or another name): an in-test TLS server, or a deployment's own server on a trusted network.
    /// Empty by default, and empty in Azure: then only certificates that validate are accepted
    /// (<see cref="SmtpCertificateTrust"/>). A pin names one certificate, never "accept anything".
    /// </summary>
    public string? TrustedCertificateSha256 { get; set; }

    /// <summary>True when <see cref="TrustedCertificateSha256"/> is unset or a well-formed fingerprint (checked at start-up).</summary>
    public bool HasWellFormedPin() =>
        string.IsNullOrWhiteSpace(TrustedCertificateSha256) || SmtpCertificateTrust.IsWellFormed(TrustedCertificateSha256);

    /// <summary>True for an owner's account (<see cref="ForAccount"/>) unless <see cref="AllowPrivateServers"/>: every connection is checked first.</summary>
    internal bool PublicServersOnly { get; private init; }

    /// <summary>
    /// These options (timeouts, connections) for another server and login: an owner's own mailbox, for sending through it or
    /// checking it. Its server is held to <see cref="SmtpServerPolicy"/> unless <see cref="AllowPrivateServers"/>.
    /// </summary>
    public SmtpOptions ForAccount(string host, int port, bool enableSsl, string userName, string password) => new()
    {
        Host = host,
        Port = port,
        EnableSsl = enableSsl,
        UserName = userName,
        Password = password,
        Timeout = Timeout,
        IdleTimeout = IdleTimeout,
        MaxConnections = MaxConnections,
        AllowPrivateServers = AllowPrivateServers,
        TrustedCertificateSha256 = TrustedCertificateSha256,
        PublicServersOnly = !AllowPrivateServers,
    };
}
