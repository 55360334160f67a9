namespace Outreach.Core.Messaging.Tokens;

/// <summary>What a signed token vouches for.</summary>
/// <param name="Purpose">What the token may be used for, e.g. <c>unsubscribe</c>; a token for one purpose is refused for another.</param>
/// <param name="OwnerId">The owner (student, coach) whose contact it concerns.</param>
/// <param name="Subject">The contact: <see cref="TokenSubjects.ForContact"/> or <see cref="TokenSubjects.ForEmail"/>.</param>
/// <param name="IssuedAt">When it was issued.</param>
/// <param name="ExpiresAt">When it stops being accepted, or null for never.</param>
/// <param name="KeyId">The key that signed it.</param>
public sealed record SignedTokenClaims(string Purpose, string OwnerId, string Subject, DateTimeOffset IssuedAt, DateTimeOffset? ExpiresAt, string KeyId);
