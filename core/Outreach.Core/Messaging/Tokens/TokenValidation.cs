namespace Outreach.Core.Messaging.Tokens;

/// <summary>The outcome of checking a token: the status, and the claims only when it is valid.</summary>
/// <param name="Status">Why it was accepted or not (log it; do not show it).</param>
/// <param name="Claims">The verified claims; null unless <paramref name="Status"/> is <see cref="TokenStatus.Valid"/>.</param>
public sealed record TokenValidation(TokenStatus Status, SignedTokenClaims? Claims)
{
    /// <summary>True when the token can be acted on.</summary>
    public bool IsValid => Status == TokenStatus.Valid && Claims is not null;

    internal static TokenValidation Tampered { get; } = new(TokenStatus.Tampered, null);

    internal static TokenValidation UnknownKey { get; } = new(TokenStatus.UnknownKey, null);
}
