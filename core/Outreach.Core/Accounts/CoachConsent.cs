namespace Outreach.Core.Accounts;

/// <summary>
/// A client's consent for a coach to act on their data, with the scopes granted. Clients never see each other:
/// consent links one client to one coach, never clients to clients.
/// </summary>
/// <param name="ClientId">The owner who gave consent.</param>
/// <param name="CoachId">The coach it was given to.</param>
/// <param name="Scopes">What the coach may do (never <see cref="ApiScopes.Admin"/>).</param>
/// <param name="GrantedAt">When it was given.</param>
/// <param name="RevokedAt">When the client withdrew it, or null while active.</param>
public sealed record CoachConsent(string ClientId, string CoachId, ApiScopes Scopes, DateTimeOffset GrantedAt, DateTimeOffset? RevokedAt = null)
{
    /// <summary>True while the client has not withdrawn it.</summary>
    public bool IsActive => RevokedAt is null;
}
