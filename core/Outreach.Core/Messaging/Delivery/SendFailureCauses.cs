namespace Outreach.Core.Messaging.Delivery;

/// <summary>
/// Causes a transport recognises for a failure without an SMTP reply code (<see cref="SendResult.Cause"/>). They name
/// what to fix and never contain an address, so they can be stored as the task's reason and shown to the owner.
/// </summary>
public static class SendFailureCauses
{
    /// <summary>TLS is required but the SMTP server does not offer STARTTLS: the settings or the server must change.</summary>
    public const string TlsUnavailable = "tls-unavailable: TLS is required but the SMTP server does not offer STARTTLS";

    /// <summary>The TLS handshake with the SMTP server failed (its certificate, or no protocol in common).</summary>
    public const string TlsFailed = "tls-failed: the TLS handshake with the SMTP server failed (certificate or protocol)";

    /// <summary>An address has a non-ASCII local part (<c>josé@…</c>) and the SMTP server does not offer SMTPUTF8.</summary>
    public const string NonAsciiAddress = "non-ascii-address: an address has non-ASCII characters before the @ and the SMTP server does not offer SMTPUTF8";

    /// <summary>
    /// The SMTP server refused the message with a security or policy status (<c>5.7.x</c>: relaying denied, not
    /// authenticated, the sender or the sending host blocklisted): the account or the sending host must change, the
    /// recipients' addresses are fine.
    /// </summary>
    public const string RefusedByPolicy = "refused-by-policy: the SMTP server refused the message for a security or policy reason (relaying denied, not authenticated, sender or sending host blocked), not because of the recipients' addresses";

    /// <summary>
    /// The owner's own SMTP server is not one a hosted deployment may connect to: a port other than the mail ports, or a
    /// host on a loopback, private, link-local or reserved address. Nothing was sent; the owner sets their mailbox again.
    /// </summary>
    public const string ServerNotAllowed = "server-not-allowed: the mailbox's server is not a public mail server (a loopback, private, link-local or reserved address, or a port other than 587, 25 or 2525)";

    /// <summary>
    /// The SMTP server wanted a login (530) and did not get one it accepted: a wrong user name or password, a server that
    /// offers no login the sender speaks (only AUTH PLAIN), or one that offers it only after STARTTLS. Nothing was sent.
    /// </summary>
    public const string NotLoggedIn = "not-logged-in: the SMTP server did not accept the login (check the mailbox's user name and password, that STARTTLS is on, and the mailbox test)";
}
