namespace Outreach.Core.Accounts;

/// <summary>Someone who uses Outreach: an owner (student, job seeker), a coach, or an admin.</summary>
/// <param name="AccountId">Stable id; letters, digits, '-' and '_' only, so it is safe in table keys and URLs.</param>
/// <param name="Kind">Owner, coach or admin.</param>
/// <param name="DisplayName">The name shown in the dashboard.</param>
/// <param name="TimeZone">IANA time zone the account plans and reports in.</param>
/// <param name="CreatedAt">When the account was created.</param>
public sealed record Account(string AccountId, AccountKind Kind, string DisplayName, string TimeZone, DateTimeOffset CreatedAt)
{
    /// <summary>The coach a client account belongs to, if any (the coach still needs the client's consent to act).</summary>
    public string? CoachId { get; init; }
}
