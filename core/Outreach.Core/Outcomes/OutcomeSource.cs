namespace Outreach.Core.Outcomes;

/// <summary>Where an outcome was learned.</summary>
public enum OutcomeSource
{
    /// <summary>An inbound email (reply, auto-reply, bounce).</summary>
    Inbound,

    /// <summary>Entered by the owner (meeting booked, introduction answered, a reply seen elsewhere).</summary>
    Manual,

    /// <summary>The signed unsubscribe link, its RFC 8058 one-click post, or a mail to the <c>mailto:</c> form of List-Unsubscribe.</summary>
    UnsubscribeLink,

    /// <summary>The SMTP server refused the recipient while the message was being sent (a 5xx RCPT reply).</summary>
    SendRejection,
}
