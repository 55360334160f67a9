using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Outreach.Mail.Smtp;

/// <summary>
/// Which mail servers an owner's own account may make a hosted deployment connect to. The host and port come from a
/// user, so without a rule the mailbox check (and every send) would let anyone probe the deployment's own network:
/// loopback services, the cloud metadata endpoint (169.254.169.254), Azure's platform address (168.63.129.16), private
/// ranges. So, unless <see cref="SmtpOptions.AllowPrivateServers"/> is set (local runs with maildev on 127.0.0.1, a
/// deployment whose mail server is on its own network), only the mail ports (<see cref="MailPorts"/>) and only public
/// addresses are allowed, checked on the addresses the host name resolves to (every one of them), and the mailbox check
/// connects to exactly the addresses it checked. SmtpClient resolves the name again when it connects, so a send could
/// still meet a DNS answer that changed in between; the port rule still bounds that to a mail port.
/// </summary>
public static class SmtpServerPolicy
{
    /// <summary>The ports an owner's server may use: 587 (submission, STARTTLS), 25 and 2525 (its common alternative).</summary>
    /// <remarks>465 is a mail port too, but implicit TLS, which System.Net.Mail cannot speak; the account checks refuse it with their own message.</remarks>
    public static IReadOnlyList<int> MailPorts { get; } = [587, 25, 2525];

    /// <summary>Why <paramref name="port"/> may not be used, or null when it may.</summary>
    public static SmtpServerRefusal? CheckPort(int port) => MailPorts.Contains(port)
        ? null
        : new SmtpServerRefusal("port", $"Port {port.ToString(CultureInfo.InvariantCulture)} is not a mail port: use your provider's submission port, usually 587 (or 25 or 2525).");

    /// <summary>Why the IP address literal <paramref name="host"/> may not be used, or null when it may or is a name (names are checked once resolved).</summary>
    public static SmtpServerRefusal? CheckLiteral(string host) =>
        IPAddress.TryParse(host, out var address) && !IsPublic(address)
            ? new SmtpServerRefusal("host", $"{host} is {KindOf(address)} address, not a mail server on the internet: use your provider's host name, e.g. smtp.office365.com.")
            : null;

    /// <summary>
    /// The addresses of <paramref name="host"/> to connect to on <paramref name="port"/>, or why not: the port is not a mail
    /// port, or any of its addresses is not public (one private answer among public ones is refused too).
    /// </summary>
    /// <exception cref="SocketException">The name does not resolve: a connection failure like any other.</exception>
    public static async Task<(IPAddress[] Addresses, SmtpServerRefusal? Refusal)> ResolveAsync(string host, int port, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        if (CheckPort(port) is { } refusedPort)
        {
            return ([], refusedPort);
        }

        if (CheckLiteral(host) is { } refusedLiteral)
        {
            return ([], refusedLiteral);
        }

        var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        // The resolved address is not named: it would tell a caller what the deployment's own DNS knows of internal names.
        return addresses.FirstOrDefault(a => !IsPublic(a)) is { } refused
            ? ([], new SmtpServerRefusal("host", $"{host} resolves to {KindOf(refused)} address, not to a mail server on the internet: use your provider's host name, e.g. smtp.office365.com."))
            : (addresses, null);
    }

    /// <summary>True when <paramref name="address"/> is a public unicast address, not one of the deployment's own network.</summary>
    public static bool IsPublic(IPAddress address) => KindOf(address) is null;

    /// <summary>"a loopback", "a private"... for an address that is not public; null for a public one.</summary>
    private static string? KindOf(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            return KindOf(address.MapToIPv4());
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => KindOfV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => KindOfV6(address),
            _ => "a non-IP",
        };
    }

    private static string? KindOfV4(byte[] b) => (b[0], b[1], b[2], b[3]) switch
    {
        (127, _, _, _) => "a loopback",
        (0, _, _, _) => "an unspecified",
        (169, 254, _, _) => "a link-local",
        (10, _, _, _) or (172, >= 16 and <= 31, _, _) or (192, 168, _, _) => "a private",
        (100, >= 64 and <= 127, _, _) => "a shared (carrier-grade NAT)",
        (168, 63, 129, 16) => "the cloud platform's own",
        (192, 0, 0, _) or (192, 0, 2, _) or (198, 18 or 19, _, _) or (198, 51, 100, _) or (203, 0, 113, _) => "a reserved",
        ( >= 224, _, _, _) => "a multicast or reserved",
        _ => null,
    };

    private static string? KindOfV6(IPAddress address)
    {
        var b = address.GetAddressBytes();
        if (IPAddress.IPv6Loopback.Equals(address))
        {
            return "a loopback";
        }

        if (IPAddress.IPv6Any.Equals(address))
        {
            return "an unspecified";
        }

        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal)
        {
            return "a link-local";
        }

        if (address.IsIPv6UniqueLocal)
        {
            return "a private";
        }

        if (address.IsIPv6Multicast)
        {
            return "a multicast";
        }

        // Forms that carry an IPv4 address (NAT64 64:ff9b::/96, 6to4 2002::/16, IPv4-compatible ::a.b.c.d) are as public as it is.
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
        {
            return KindOfV4(b[12..16]);
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return KindOfV4(b[2..6]);
        }

        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            return KindOfV4(b[12..16]);
        }

        return b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8 ? "a documentation" : null;
    }
}
