using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;

namespace Outreach.Mail.Smtp;

/// <summary>
/// Checks an SMTP account without sending anything: connects, reads the greeting, says EHLO, upgrades with STARTTLS
/// when <see cref="SmtpOptions.EnableSsl"/> (the certificate checked as for sending), logs in with AUTH LOGIN, and
/// says QUIT. System.Net.Mail's SmtpClient logs in only as part of a send, so this speaks the few commands itself; it
/// logs in with LOGIN, the mechanism SmtpClient uses on such servers, and reports a server that does not offer it. An
/// owner's server is held to <see cref="SmtpServerPolicy"/> (unless <see cref="SmtpOptions.AllowPrivateServers"/>): a
/// refused one fails at <see cref="SmtpProbeStep.Connect"/> with <see cref="SmtpProbeResult.Refusal"/>, before any connection.
/// The password is sent only inside AUTH and never appears in the result, even if a server echoes it.
/// </summary>
public static class SmtpAccountProbe
{
    /// <summary>Checks <paramref name="options"/> (host, port, STARTTLS, login; <see cref="SmtpOptions.Timeout"/> for the whole check).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<SmtpProbeResult> ProbeAsync(SmtpOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Host, nameof(options));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Timeout);
        var passed = new List<SmtpProbeStep>();
        var step = SmtpProbeStep.Connect;
        Session? secured = null;
        try
        {
            using var tcp = new TcpClient();
            if (options.PublicServersOnly)
            {
                // Connects to exactly the addresses checked, so a second DNS answer cannot lead it elsewhere.
                var (addresses, refusal) = await SmtpServerPolicy.ResolveAsync(options.Host, options.Port, deadline.Token).ConfigureAwait(false);
                if (refusal is not null)
                {
                    return Fail(passed, step, refusal.Message, options) with { Refusal = refusal };
                }

                await tcp.ConnectAsync(addresses, options.Port, deadline.Token).ConfigureAwait(false);
            }
            else
            {
                await tcp.ConnectAsync(options.Host, options.Port, deadline.Token).ConfigureAwait(false);
            }

            Stream stream = tcp.GetStream();
            using var plain = new Session(stream);
            var session = plain;
            var greeting = await session.ReadAsync(deadline.Token).ConfigureAwait(false);
            if (greeting.Code != 220)
            {
                return Fail(passed, step, greeting.Text, options);
            }

            var ehlo = await session.CommandAsync("EHLO outreach", deadline.Token).ConfigureAwait(false);
            if (ehlo.Code != 250)
            {
                return Fail(passed, step, ehlo.Text, options);
            }

            passed.Add(step);
            if (options.EnableSsl)
            {
                step = SmtpProbeStep.Tls;
                if (!ehlo.Offers("STARTTLS"))
                {
                    return Fail(passed, step, "The server does not offer STARTTLS on this port.", options);
                }

                var ready = await session.CommandAsync("STARTTLS", deadline.Token).ConfigureAwait(false);
                if (ready.Code != 220)
                {
                    return Fail(passed, step, ready.Text, options);
                }

                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = tls;
                await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = options.Host, RemoteCertificateValidationCallback = SmtpCertificateTrust.For(options) }, deadline.Token).ConfigureAwait(false);
                session = secured = new Session(tls);
                ehlo = await session.CommandAsync("EHLO outreach", deadline.Token).ConfigureAwait(false);
                if (ehlo.Code != 250)
                {
                    return Fail(passed, step, ehlo.Text, options);
                }

                passed.Add(step);
            }

            if (!string.IsNullOrEmpty(options.UserName))
            {
                step = SmtpProbeStep.Authentication;
                if (ehlo.AuthMechanisms() is not { Count: > 0 } mechanisms)
                {
                    return Fail(passed, step, options.EnableSsl
                        ? "The server offers no login (AUTH)."
                        : "The server offers no login (AUTH) on this connection; most offer it only after STARTTLS.", options);
                }

                if (!mechanisms.Contains("LOGIN", StringComparer.OrdinalIgnoreCase))
                {
                    // Not the password's fault: SmtpClient logs in only with LOGIN (or NTLM/GSSAPI), never with PLAIN, the
                    // mechanism RFC 4954 makes mandatory and the only one some servers (Dovecot's default) offer. With
                    // none it can use, SmtpClient would not log in at all and the server would refuse every note.
                    return Fail(passed, step, $"The server offers AUTH {string.Join(' ', mechanisms)}, not LOGIN, which the sender uses.", options)
                        with { UnsupportedMechanisms = mechanisms };
                }

                var reply = await session.CommandAsync("AUTH LOGIN", deadline.Token).ConfigureAwait(false);
                if (reply.Code == 334)
                {
                    reply = await session.CommandAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(options.UserName)), deadline.Token).ConfigureAwait(false);
                }

                if (reply.Code == 334)
                {
                    reply = await session.CommandAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(options.Password ?? string.Empty)), deadline.Token).ConfigureAwait(false);
                }

                if (reply.Code != 235)
                {
                    return Fail(passed, step, reply.Text, options);
                }

                passed.Add(step);
            }

            await session.QuitAsync(deadline.Token).ConfigureAwait(false);
            await stream.DisposeAsync().ConfigureAwait(false);
            return new SmtpProbeResult(passed, null, string.Empty);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail(passed, step, $"No answer within {options.Timeout.TotalSeconds:0} s.", options);
        }
        catch (Exception e) when (e is SocketException or IOException or AuthenticationException)
        {
            return Fail(passed, step, e.Message, options);
        }
        finally
        {
            secured?.Dispose();
        }
    }

    private static SmtpProbeResult Fail(List<SmtpProbeStep> passed, SmtpProbeStep step, string detail, SmtpOptions options) =>
        new(passed, step, Scrub(detail, options.Password));

    /// <summary>A server's reply never needs the password: it is blanked in case one echoes it (plain or base64).</summary>
    private static string Scrub(string text, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return text;
        }

        return text
            .Replace(password, "***", StringComparison.Ordinal)
            .Replace(Convert.ToBase64String(Encoding.UTF8.GetBytes(password)), "***", StringComparison.Ordinal);
    }

    /// <summary>One SMTP conversation over a stream: commands out, multi-line replies in.</summary>
    private sealed class Session(Stream stream) : IDisposable
    {
        private const int MaxReplyLines = 100;
        private readonly StreamReader _reader = new(stream, Encoding.ASCII, detectEncodingFromByteOrderMarks: false, bufferSize: 1024, leaveOpen: true);

        public async Task<Reply> CommandAsync(string command, CancellationToken cancellationToken)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"), cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            return await ReadAsync(cancellationToken).ConfigureAwait(false);
        }

        public async Task<Reply> ReadAsync(CancellationToken cancellationToken)
        {
            var lines = new List<string>();
            while (lines.Count < MaxReplyLines)
            {
                var line = await _reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)
                    ?? throw new IOException("The server closed the connection.");
                lines.Add(line);
                if (line.Length < 4 || line[3] != '-')
                {
                    break;
                }
            }

            var code = lines[0].Length >= 3 && int.TryParse(lines[0].AsSpan(0, 3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var c) ? c : 0;
            return new Reply(code, lines);
        }

        public void Dispose() => _reader.Dispose();

        public async Task QuitAsync(CancellationToken cancellationToken)
        {
            try
            {
                _ = await CommandAsync("QUIT", cancellationToken).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // Everything asked for was checked; a server that hangs up at QUIT does not change that.
            }
        }
    }

    /// <summary>A reply: its code and lines (the text after each code).</summary>
    private sealed record Reply(int Code, IReadOnlyList<string> Lines)
    {
        public string Text => string.Join(" ", Lines);

        public bool Offers(string keyword) =>
            Lines.Skip(1).Any(l => l.Length > 4 && l[4..].Split(' ', '=')[0].Equals(keyword, StringComparison.OrdinalIgnoreCase));

        public List<string> AuthMechanisms() =>
            Lines.Skip(1).Select(l => l.Length > 4 ? l[4..] : string.Empty)
                .Where(l => l.StartsWith("AUTH ", StringComparison.OrdinalIgnoreCase) || l.StartsWith("AUTH=", StringComparison.OrdinalIgnoreCase))
                .SelectMany(l => l[5..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
    }
}
