namespace Outreach.Core.Senders;

/// <summary>Where owners' sender profiles are kept.</summary>
public interface ISenderProfileStore
{
    /// <summary>The owner's profile with its <see cref="SenderProfile.Version"/>, or null when the owner has not set one up.</summary>
    Task<SenderProfile?> GetAsync(string ownerId, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the owner's profile, whatever is stored (seeding, tests; edits use <see cref="TrySaveAsync"/>).</summary>
    Task SaveAsync(SenderProfile profile, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the profile only if the stored one is still the version it was read at (<see cref="SenderProfile.Version"/>;
    /// null: only if the owner has none yet), so two edits of one profile at once cannot silently undo each other.
    /// </summary>
    /// <returns>The profile as stored, with its new version; null when the race was lost (read again and decide again).</returns>
    Task<SenderProfile?> TrySaveAsync(SenderProfile profile, CancellationToken cancellationToken);
}
