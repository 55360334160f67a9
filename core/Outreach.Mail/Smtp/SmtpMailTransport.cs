using System.Diagnostics;
using System.Net;
using System.Net.Mail;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Outreach.Core.Messaging.Delivery;

namespace Outreach.Mail.Smtp;

/// <summary>
/// Sends over SMTP with System.Net.Mail (STARTTLS when <see cref="SmtpOptions.EnableSsl"/>, AUTH when a user name is
/// set, SMTPUTF8 for a message with a non-ASCII local part when the server offers it), up to <see cref="SmtpOptions.MaxConnections"/> sends at once. Expected failures come back classified
/// (see <see cref="SendResultKind"/>); only cancellation and bugs throw. A failure once the message content was handed
/// over, without the server's reply, is <see cref="SendResultKind.Unconfirmed"/>: the server may hold the message, so
/// it must not be sent again. Logs the Message-ID and status only.
/// </summary>
public sealed class SmtpMailTransport : IMailTransport, IDisposable
{
    private readonly SmtpClientPool _pool;
    private readonly SmtpOptions _options;
    private readonly ILogger<SmtpMailTransport> _logger;

    /// <summary>Creates the transport.</summary>
    /// <param name="options">Server, credentials and limits.</param>
    /// <param name="time">Clock for retiring idle connections.</param>
    /// <param name="logger">Receives Message-IDs and statuses only.</param>
    public SmtpMailTransport(SmtpOptions options, TimeProvider time, ILogger<SmtpMailTransport> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Host, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConnections, 1, nameof(options));
        if (!string.IsNullOrWhiteSpace(options.TrustedCertificateSha256))
        {
            SmtpCertificateTrust.Pin(options.TrustedCertificateSha256);
        }

        _logger = logger;
        _options = options;
        _pool = new SmtpClientPool(() => CreateClient(options), options.MaxConnections, options.IdleTimeout, time);
    }

    /// <inheritdoc />
    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var handover = new ContentHandover();
        using var mail = MailMessageFactory.Create(message, handover);
        if (_options.PublicServersOnly && await RefuseServerAsync(message, cancellationToken) is { } refused)
        {
            MailLog.NotSent(_logger, message.MessageId, refused.Kind, null);
            return refused;
        }

        var client = await _pool.RentAsync(cancellationToken);
        var reusable = false;

        // Real time, not the injected clock: it is compared with SmtpClient's own timer, which runs on real time and
        // counts in coarse ticks, so it can fire a little before a stopwatch reaches the timeout: a failure after nine
        // tenths of it is the timer's (a server refusing STARTTLS answers at once).
        var started = Stopwatch.GetTimestamp();
        try
        {
            client.DeliveryFormat = SmtpUtf8.IsNeededBy(message) ? SmtpDeliveryFormat.International : SmtpDeliveryFormat.SevenBit;
            await client.SendMailAsync(mail, cancellationToken);
            reusable = true;
            MailLog.Sent(_logger, message.MessageId);
            return SendResult.Sent(message.MessageId);
        }
        catch (Exception e) when (SmtpFailureClassifier.TryClassify(
            e, message, handover.Started, _options.EnableSsl, timedOut: Stopwatch.GetElapsedTime(started) >= _options.Timeout * 0.9,
            loginExpected: !string.IsNullOrEmpty(_options.UserName), out var result))
        {
            MailLog.NotSent(_logger, message.MessageId, result.Kind, result.StatusCode);
            return result;
        }
        finally
        {
            _pool.Return(client, reusable);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _pool.Dispose();

    /// <summary>
    /// An owner's server checked before each send (<see cref="SmtpServerPolicy"/>): not allowed is a failure the owner must
    /// fix (nothing went out, a retry cannot help); a name that does not resolve is transient, as a refused connection is.
    /// </summary>
    private async Task<SendResult?> RefuseServerAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var (_, refusal) = await SmtpServerPolicy.ResolveAsync(_options.Host, _options.Port, cancellationToken);
            return refusal is null ? null : new SendResult(SendResultKind.Failed, message.MessageId, null, refusal.Message) { Cause = SendFailureCauses.ServerNotAllowed };
        }
        catch (SocketException e)
        {
            return new SendResult(SendResultKind.Transient, message.MessageId, null, e.Message);
        }
    }

    private static SmtpClient CreateClient(SmtpOptions options)
    {
        var client = new SmtpClient(options.Host, options.Port)
        {
            EnableSsl = options.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            DeliveryFormat = SmtpDeliveryFormat.SevenBit,
            Timeout = (int)options.Timeout.TotalMilliseconds,
        };
        if (!string.IsNullOrEmpty(options.UserName))
        {
            client.Credentials = new NetworkCredential(options.UserName, options.Password);
        }

        return client;
    }
}
