using Microsoft.Extensions.Logging;
using Outreach.Core.Messaging.Delivery;

namespace Outreach.Mail;

/// <summary>Log lines of the transports: Message-ID and status only, never addresses, subjects or bodies.</summary>
internal static partial class MailLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Sent {MessageId}")]
    public static partial void Sent(ILogger logger, string messageId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Sending {MessageId} ended {Kind} (SMTP status {StatusCode})")]
    public static partial void NotSent(ILogger logger, string messageId, SendResultKind kind, int? statusCode);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Wrote {MessageId} to the pickup directory")]
    public static partial void Written(ILogger logger, string messageId);
}
