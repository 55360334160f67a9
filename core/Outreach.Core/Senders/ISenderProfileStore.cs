namespace Outreach.Core.Senders;

/// <summary>Where owners' sender profiles are kept.</summary>
public interface ISenderProfileStore
{
    /// <summary>The owner's profile, or null when the owner has not set one up.</summary>
    Task<SenderProfile?> GetAsync(string ownerId, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the owner's profile.</summary>
    Task SaveAsync(SenderProfile profile, CancellationToken cancellationToken);
}
