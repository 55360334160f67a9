using Outreach.Core;
using Outreach.Core.Accounts;
using Outreach.Core.Senders;
using Outreach.Mail.Smtp;

namespace Outreach.Functions.Campaigns;

/// <summary>
/// The owner's own mailbox as <c>PUT /api/sender/smtp</c> and <c>POST /api/sender/smtp/test</c> take it: host name or
/// address, port (1-65535; not 465, whose implicit TLS System.Net.Mail cannot speak; in a hosted deployment only a mail
/// port and no loopback or private address, <see cref="SmtpServerPolicy"/>), login, password (required on every
/// PUT, so a changed host never receives the stored password), and <c>startTls</c> (true when absent: the connection is
/// upgraded with STARTTLS before the login; false only for a server on a trusted network, the password then crosses it
/// in the clear).
/// </summary>
internal sealed record SmtpAccountBody(string? Host, int? Port, string? UserName, string? Password, bool? StartTls)
{
    public const int MaxHostLength = 253;
    public const int MaxUserNameLength = 256;
    public const int MaxPasswordLength = 256;
    public const int ImplicitTlsPort = 465;

    /// <summary>The account this body describes, its password sealed for <paramref name="ownerId"/>.</summary>
    /// <exception cref="DomainException">A field is missing or invalid (<c>smtp.invalid</c>, target names it: <c>host</c>, <c>port</c>...).</exception>
    public SmtpAccount ToAccount(string ownerId, SecretProtector secrets, bool allowPrivateServers)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var (host, port, userName, password, startTls) = Validated(allowPrivateServers);
        return new SmtpAccount(host, port, userName, secrets.Protect(password, ownerId), startTls);
    }

    /// <summary>
    /// The fields, checked, with the password in plain text: only for a test login that stores nothing. Unless
    /// <paramref name="allowPrivateServers"/> (<c>Smtp:AllowPrivateServers</c>), the port must be a mail port and an IP
    /// address given as the host a public one (<see cref="SmtpServerPolicy"/>; a host name is checked where it is resolved,
    /// at each connection).
    /// </summary>
    /// <exception cref="DomainException">A field is missing or invalid (<c>smtp.invalid</c>, target names it).</exception>
    public (string Host, int Port, string UserName, string Password, bool StartTls) Validated(bool allowPrivateServers)
    {
        var host = Host?.Trim();
        if (string.IsNullOrEmpty(host))
        {
            throw Invalid("Name your mail server, e.g. smtp.office365.com.", "host");
        }

        if (host.Length > MaxHostLength || Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            throw Invalid($"'{Shown(host)}' is not a host name or IP address (at most {MaxHostLength} characters).", "host");
        }

        if (Port is not { } port)
        {
            throw Invalid("Name the server's port, usually 587 for STARTTLS.", "port");
        }

        if (port is < 1 or > 65535)
        {
            throw Invalid($"The port is 1 to 65535, not {port}.", "port");
        }

        if (port == ImplicitTlsPort)
        {
            throw Invalid("Port 465 is implicit TLS, which the sender cannot use: use your provider's STARTTLS port, usually 587.", "port");
        }

        if (!allowPrivateServers && (SmtpServerPolicy.CheckPort(port) ?? SmtpServerPolicy.CheckLiteral(host)) is { } refusal)
        {
            throw Invalid(refusal.Message, refusal.Field);
        }

        var userName = UserName?.Trim();
        if (string.IsNullOrEmpty(userName))
        {
            throw Invalid("Name the login of your mailbox, usually its address.", "userName");
        }

        if (userName.Length > MaxUserNameLength)
        {
            throw Invalid($"The login is at most {MaxUserNameLength} characters.", "userName");
        }

        if (string.IsNullOrEmpty(Password))
        {
            throw Invalid("Give the mailbox's password (or app password): it is sealed and never shown again.", "password");
        }

        if (Password.Length > MaxPasswordLength)
        {
            throw Invalid($"The password is at most {MaxPasswordLength} characters.", "password");
        }

        return (host, port, userName, Password, StartTls ?? true);
    }

    /// <summary>Never shows the login or the password.</summary>
    public override string ToString() => $"SmtpAccountBody {{ Host = {Host}, Port = {Port} }}";

    private static DomainException Invalid(string message, string target) => new("smtp.invalid", message, target);

    private static string Shown(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "…");
}
