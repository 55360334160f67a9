namespace Outreach.Core.Messaging.Delivery;

/// <summary>What an RFC 3463 enhanced status code (<c>class.subject.detail</c>, e.g. <c>5.7.26</c>) says about whom to blame.</summary>
public static class EnhancedStatusCodes
{
    /// <summary>
    /// Whether the status names a cause RFC 3463 does not put on the recipient's address: subject 7 (security or policy,
    /// "under the control of either or both the sender and recipient": relaying denied, not authenticated, SPF/DKIM/DMARC,
    /// a blocked sending host) or 1.7/1.8 (the sender's mailbox or system address). Such a refusal, at send time or in a
    /// bounce, must not suppress the recipient's address. A basic SMTP code (550) says nothing of the kind.
    /// </summary>
    /// <param name="status">The enhanced status, e.g. <c>5.7.1</c>.</param>
    public static bool BlamesSender(string status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.Split('.') is [_, var subject, var detail] && (subject == "7" || (subject == "1" && detail is "7" or "8"));
    }
}
