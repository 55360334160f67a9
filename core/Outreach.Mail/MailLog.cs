using Microsoft.Extensions.Logging;
using Outreach.Core.Messaging.Delivery;

namespace Outreach.Mail;

/// <summary>
/// Log lines of the transports: the Message-ID's unique part and status only, never addresses, subjects or bodies.
/// The Message-ID's domain is the sender's domain, and <c>local@domain</c> reads as an email address, so only the
/// random part before the <c>@</c> is logged (see <see cref="LoggedMessageId"/>); it is still enough to find the
/// message in the sent-message index.
/// </summary>
internal static partial class MailLog
{
    public static void Sent(ILogger logger, string messageId) => LogSent(logger, new LoggedMessageId(messageId));

    public static void NotSent(ILogger logger, string messageId, SendResultKind kind, int? statusCode) =>
        LogNotSent(logger, new LoggedMessageId(messageId), kind, statusCode);

    public static void Written(ILogger logger, string messageId) => LogWritten(logger, new LoggedMessageId(messageId));

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Sent message {MessageId}")]
    private static partial void LogSent(ILogger logger, LoggedMessageId messageId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Sending message {MessageId} ended {Kind} (SMTP status {StatusCode})")]
    private static partial void LogNotSent(ILogger logger, LoggedMessageId messageId, SendResultKind kind, int? statusCode);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Wrote message {MessageId} to the pickup directory")]
    private static partial void LogWritten(ILogger logger, LoggedMessageId messageId);
}
