namespace Outreach.Core.Accounts;

/// <summary>Where clients' consents to coaches are kept, keyed by coach then client.</summary>
public interface IConsentStore
{
    /// <summary>The consent <paramref name="clientId"/> gave <paramref name="coachId"/>, or null when never given.</summary>
    Task<CoachConsent?> GetAsync(string coachId, string clientId, CancellationToken cancellationToken);

    /// <summary>Adds or replaces a consent.</summary>
    Task PutAsync(CoachConsent consent, CancellationToken cancellationToken);

    /// <summary>Every consent given to <paramref name="coachId"/>, withdrawn ones included.</summary>
    Task<IReadOnlyList<CoachConsent>> ListForCoachAsync(string coachId, CancellationToken cancellationToken);
}
