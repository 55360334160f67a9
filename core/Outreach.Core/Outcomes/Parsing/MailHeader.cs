namespace Outreach.Core.Outcomes;

/// <summary>One header field as received, unfolded: its name as written and its value with leading space removed.</summary>
/// <param name="Name">The field name as written (compare case-insensitively).</param>
/// <param name="Value">The unfolded value, still raw (encoded words are not decoded here).</param>
public sealed record MailHeader(string Name, string Value);
