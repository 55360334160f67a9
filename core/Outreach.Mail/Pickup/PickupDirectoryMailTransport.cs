using System.Net.Mail;
using Microsoft.Extensions.Logging;
using Outreach.Core.Messaging.Delivery;

namespace Outreach.Mail.Pickup;

/// <summary>
/// Writes each message as one <c>.eml</c> file named after its Message-ID, for previews and dry runs. It uses
/// SmtpClient's own pickup writer, so the file is exactly the MIME that SMTP would carry (plus the
/// <c>X-Sender</c>/<c>X-Receiver</c> envelope lines that writer adds). Each message is written into a private
/// staging folder and then moved into place, so a reader never sees a half-written file. A Message-ID that was
/// already written is refused: a message goes out once.
/// </summary>
public sealed class PickupDirectoryMailTransport : IMailTransport
{
    private readonly string _directory;
    private readonly ILogger<PickupDirectoryMailTransport> _logger;

    /// <summary>Creates the transport; the folder is created when missing.</summary>
    public PickupDirectoryMailTransport(PickupDirectoryOptions options, ILogger<PickupDirectoryMailTransport> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Directory, nameof(options));
        _directory = Path.GetFullPath(options.Directory);
        _logger = logger;
        Directory.CreateDirectory(_directory);
    }

    /// <summary>The file a message with <paramref name="messageId"/> is written to.</summary>
    public string PathFor(string messageId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        var name = new string(messageId.Trim('<', '>').Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@' ? c : '_').ToArray());
        return Path.Combine(_directory, name + ".eml");
    }

    /// <inheritdoc />
    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var target = PathFor(message.MessageId);
        if (File.Exists(target))
        {
            return new SendResult(SendResultKind.Failed, message.MessageId, null, "A message with this Message-ID was already written.");
        }

        var staging = Path.Combine(_directory, ".staging-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        try
        {
            using var mail = MailMessageFactory.Create(message);
            using var client = new SmtpClient
            {
                DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
                PickupDirectoryLocation = staging,
                DeliveryFormat = SmtpUtf8.IsNeededBy(message) ? SmtpDeliveryFormat.International : SmtpDeliveryFormat.SevenBit,
            };
            await client.SendMailAsync(mail, cancellationToken);
            File.Move(Directory.GetFiles(staging, "*.eml").Single(), target, overwrite: false);
            MailLog.Written(_logger, message.MessageId);
            return SendResult.Sent(message.MessageId);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SmtpException)
        {
            var result = new SendResult(SendResultKind.Transient, message.MessageId, null, e.Message);
            MailLog.NotSent(_logger, message.MessageId, result.Kind, null);
            return result;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }
}
