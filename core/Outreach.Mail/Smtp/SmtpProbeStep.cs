namespace Outreach.Mail.Smtp;

/// <summary>The steps of logging in to an SMTP server, in order, as <see cref="SmtpAccountProbe"/> checks them.</summary>
public enum SmtpProbeStep
{
    /// <summary>TCP connection, the server's 220 greeting and EHLO.</summary>
    Connect,

    /// <summary>STARTTLS and the TLS handshake, certificate included.</summary>
    Tls,

    /// <summary>AUTH LOGIN with the user name and password.</summary>
    Authentication,
}
