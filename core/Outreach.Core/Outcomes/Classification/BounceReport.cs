namespace Outreach.Core.Outcomes;

/// <summary>What a delivery-status notification says.</summary>
/// <param name="FailedRecipients">The addresses that failed, as email keys (lower-cased), best source first.</param>
/// <param name="Severity">Hard or soft.</param>
/// <param name="StatusCode">The enhanced status (<c>5.1.1</c>) or basic SMTP code (<c>550</c>) found, or null.</param>
/// <param name="OriginalMessageId">The normalised Message-ID of the message that bounced, when the notification quotes it.</param>
public sealed record BounceReport(
    IReadOnlyList<string> FailedRecipients,
    BounceSeverity Severity,
    string? StatusCode,
    string? OriginalMessageId);
