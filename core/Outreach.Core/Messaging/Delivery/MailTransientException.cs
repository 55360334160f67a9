namespace Outreach.Core.Messaging.Delivery;

/// <summary>
/// A send failed for a reason that may pass (SMTP 4xx, connection refused, timeout); retrying later is right.
/// Its message holds the Message-ID and status code only, so it is safe to log.
/// </summary>
public sealed class MailTransientException : Exception
{
    /// <summary>Creates the exception for a message and the SMTP status code, if any.</summary>
    public MailTransientException(string messageId, int? statusCode)
        : base($"Sending {messageId} failed transiently{(statusCode is { } code ? $" (SMTP {code})" : string.Empty)}; retry later.")
    {
        MessageId = messageId;
        StatusCode = statusCode;
    }

    /// <summary>Creates the exception with a message.</summary>
    public MailTransientException()
        : this("<unknown>", (int?)null)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public MailTransientException(string message)
        : base(message)
    {
        MessageId = "<unknown>";
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public MailTransientException(string message, Exception innerException)
        : base(message, innerException)
    {
        MessageId = "<unknown>";
    }

    /// <summary>The Message-ID of the message that was not sent.</summary>
    public string MessageId { get; }

    /// <summary>The SMTP reply code, when there was one.</summary>
    public int? StatusCode { get; }
}
