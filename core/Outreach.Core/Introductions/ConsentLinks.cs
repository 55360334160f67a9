using Outreach.Core.Messaging.Tokens;
using Outreach.Core.Sending;

namespace Outreach.Core.Introductions;

/// <summary>
/// B's consent link: <c>{PublicBaseUrl}api/introductions/consent/{token}</c> (<see cref="PublicUrls"/>), where the token is signed
/// (<see cref="SignedTokenService"/>), expires with the consent deadline, and names the owner, the introduction and its
/// consent secret, which the workflow compares again in constant time. Any token that fails, for whatever reason, reads
/// as "no such link", so a guesser learns nothing.
/// </summary>
public sealed class ConsentLinks(SignedTokenService tokens, SendingOptions sending, TimeProvider time)
{
    /// <summary>The purpose consent tokens are signed for.</summary>
    public const string Purpose = "introduction-consent";
    private const string SubjectPrefix = "i:";

    /// <summary>The link for <paramref name="introduction"/>, or null once its deadline has passed.</summary>
    public Uri? For(Introduction introduction)
    {
        ArgumentNullException.ThrowIfNull(introduction);
        var lifetime = introduction.ConsentDeadline - time.GetUtcNow();
        if (introduction.State != IntroductionState.AwaitingConsent || lifetime <= TimeSpan.Zero)
        {
            return null;
        }

        var token = tokens.Create(Purpose, introduction.OwnerId, $"{SubjectPrefix}{introduction.IntroductionId}:{introduction.ConsentToken}", lifetime);
        return PublicUrls.Under(sending.PublicBaseUrl, $"api/introductions/consent/{token}");
    }

    /// <summary>What a valid token vouches for, or null for a tampered, expired or foreign one.</summary>
    public ConsentLinkClaims? Read(string? token)
    {
        var validation = tokens.Validate(token, Purpose);
        if (!validation.IsValid || !validation.Claims!.Subject.StartsWith(SubjectPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = validation.Claims.Subject[SubjectPrefix.Length..].Split(':');
        return parts is [var introductionId, var secret] ? new ConsentLinkClaims(validation.Claims.OwnerId, introductionId, secret) : null;
    }
}

/// <summary>What a consent link names.</summary>
/// <param name="OwnerId">The introducer.</param>
/// <param name="IntroductionId">The introduction.</param>
/// <param name="ConsentSecret">The introduction's consent secret, compared again by the workflow.</param>
public sealed record ConsentLinkClaims(string OwnerId, string IntroductionId, string ConsentSecret);
