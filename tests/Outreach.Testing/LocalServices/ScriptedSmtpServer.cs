using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Outreach.Testing.LocalServices;

/// <summary>
/// A small but real SMTP server on 127.0.0.1 for the failure paths maildev cannot produce: it answers RCPT TO
/// with a scripted reply per address (e.g. 550 or 451), MAIL FROM with a scripted reply, and accepts everything
/// else. It counts the messages whose DATA it accepted, so a test can prove what was really delivered. It can also
/// answer the end of DATA late or not at all (the reply lost after the server took the message), offer SMTPUTF8, and
/// offer STARTTLS with a given certificate.
/// </summary>
public sealed class ScriptedSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, string> _recipientReplies;
    private readonly string _mailFromReply;
    private readonly bool _silent;
    private readonly ConcurrentQueue<string> _commands = new();
    private readonly List<Task> _sessions = [];
    private readonly Task _acceptLoop;
    private int _accepted;
    private int _received;
    private int _connections;
    private int _closed;
    private int _tlsSessions;

    public ScriptedSmtpServer(IReadOnlyDictionary<string, string>? recipientReplies = null, string mailFromReply = "250 2.1.0 OK", bool silent = false)
    {
        _silent = silent;
        _recipientReplies = new Dictionary<string, string>(recipientReplies ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
        _mailFromReply = mailFromReply;
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Messages whose DATA ended with the final dot and was answered 250.</summary>
    public int MessagesAccepted => Volatile.Read(ref _accepted);

    /// <summary>Messages whose DATA ended with the final dot, answered or not: what the server holds.</summary>
    public int MessagesReceived => Volatile.Read(ref _received);

    /// <summary>How long the server waits after the final dot before answering 250 (a slow content scan).</summary>
    public TimeSpan DataReplyDelay { get; init; }

    /// <summary>How many messages (the first ones) get <see cref="DataReplyDelay"/>; later ones are answered at once.</summary>
    public int SlowDataReplies { get; init; } = int.MaxValue;

    /// <summary>The reply to the final dot of DATA (a 250 by default; a 4xx or 5xx refuses the message).</summary>
    public string DataReply { get; init; } = "250 2.0.0 queued";

    /// <summary>Close the connection after the final dot without answering: the message is taken, the reply lost.</summary>
    public bool HangUpAfterData { get; init; }

    /// <summary>Offer SMTPUTF8 in the EHLO reply (RFC 6531), so addresses with non-ASCII local parts can be sent.</summary>
    public bool OffersSmtpUtf8 { get; init; }

    /// <summary>The SASL mechanisms offered in the EHLO reply as <c>AUTH …</c> (e.g. <c>PLAIN</c>), or none when null.</summary>
    public string? AuthMechanisms { get; init; }

    /// <summary>
    /// The certificate to offer STARTTLS with (self-signed: see <see cref="SelfSignedCertificate"/>), or null for a
    /// server without TLS. Before STARTTLS the EHLO reply offers only STARTTLS.
    /// </summary>
    public X509Certificate2? Certificate { get; init; }

    /// <summary>Connections that completed a STARTTLS handshake.</summary>
    public int TlsSessions => Volatile.Read(ref _tlsSessions);

    /// <summary>TCP connections opened by clients.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>TCP connections opened by clients and not yet closed (by QUIT or by the client hanging up).</summary>
    public int OpenConnections => Volatile.Read(ref _connections) - Volatile.Read(ref _closed);

    /// <summary>Every command received, verb only (no addresses), in order.</summary>
    public IReadOnlyList<string> Verbs => [.. _commands];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
            Task[] sessions;
            lock (_sessions)
            {
                sessions = [.. _sessions];
            }

            await Task.WhenAll(sessions);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            lock (_sessions)
            {
                _sessions.Add(ServeAsync(client));
            }
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        Stream stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.UTF8);
        var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        var secured = false;
        try
        {
            if (_silent)
            {
                // A server that accepts the connection and never greets: the client must time out.
                await Task.Delay(Timeout.Infinite, _stop.Token);
            }

            await writer.WriteLineAsync("220 127.0.0.1 scripted ESMTP");
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', ':')[0].ToUpperInvariant();
                _commands.Enqueue(verb);
                switch (verb)
                {
                    case "EHLO" when Certificate is not null && !secured:
                        await writer.WriteLineAsync("250-127.0.0.1");
                        await writer.WriteLineAsync("250 STARTTLS");
                        break;
                    case "STARTTLS" when Certificate is not null && !secured:
                        await writer.WriteLineAsync("220 2.0.0 Ready to start TLS");
                        var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = Certificate }, _stop.Token);
                        (stream, secured) = (tls, true);
                        Interlocked.Increment(ref _tlsSessions);
                        reader = new StreamReader(stream, Encoding.UTF8);
                        writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                        break;
                    case "EHLO" when AuthMechanisms is not null:
                        await writer.WriteLineAsync("250-127.0.0.1");
                        await writer.WriteLineAsync("250 AUTH " + AuthMechanisms);
                        break;
                    case "EHLO" when OffersSmtpUtf8:
                        await writer.WriteLineAsync("250-127.0.0.1");
                        await writer.WriteLineAsync("250-8BITMIME");
                        await writer.WriteLineAsync("250 SMTPUTF8");
                        break;
                    case "EHLO":
                    case "HELO":
                        await writer.WriteLineAsync("250 127.0.0.1");
                        break;
                    case "MAIL":
                        await writer.WriteLineAsync(_mailFromReply);
                        break;
                    case "RCPT":
                        var address = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Trim('<', '>');
                        await writer.WriteLineAsync(_recipientReplies.GetValueOrDefault(address, "250 2.1.5 OK"));
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        while (await reader.ReadLineAsync(_stop.Token) is { } data && data != ".")
                        {
                        }

                        var received = Interlocked.Increment(ref _received);
                        if (HangUpAfterData)
                        {
                            return;
                        }

                        if (received <= SlowDataReplies)
                        {
                            await Task.Delay(DataReplyDelay, _stop.Token);
                        }

                        if (DataReply.StartsWith('2'))
                        {
                            Interlocked.Increment(ref _accepted);
                        }

                        await writer.WriteLineAsync(DataReply);
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 bye");
                        return;
                    default:
                        await writer.WriteLineAsync("250 OK");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or AuthenticationException)
        {
            // The client hung up (or refused the certificate) or the test is over.
        }
        finally
        {
            reader.Dispose();
            await stream.DisposeAsync();
            Interlocked.Increment(ref _closed);
        }
    }
}
