using Outreach.Core.Campaigns;
using Outreach.Core.Contacts;
using Outreach.Core.Planning;
using Outreach.Core.Senders;
using Outreach.Core.Sending;

namespace Outreach.Functions.Scoring;

/// <summary>Loads an owner's <see cref="OwnerFeatureContext"/> for a set of tasks: profile, campaigns, and the contacts they name.</summary>
internal sealed class OutreachFeatureSource(IContactReader contacts, ICampaignStore campaigns, ISenderProfileStore profiles)
{
    public async Task<OwnerFeatureContext> ForOwnerAsync(string ownerId, IReadOnlyCollection<OutreachTask> tasks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var profileRead = profiles.GetAsync(ownerId, cancellationToken);
        var campaignsRead = campaigns.ListAsync(ownerId, cancellationToken);
        var contactReads = tasks.Select(t => t.ContactId).Distinct(StringComparer.Ordinal)
            .Select(id => contacts.GetAsync(ownerId, id, cancellationToken))
            .ToList();
        var found = await Task.WhenAll(contactReads).ConfigureAwait(false);
        var profile = await profileRead.ConfigureAwait(false);
        var stored = await campaignsRead.ConfigureAwait(false);
        return new OwnerFeatureContext(
            ZoneOf(profile),
            found.OfType<Contact>().ToDictionary(c => c.ContactId, StringComparer.Ordinal),
            StoredCampaigns.WithDefaults(ownerId, stored).ToDictionary(c => c.CampaignId, StringComparer.Ordinal),
            profile);
    }

    // A profile's zone is validated when saved; an owner without a profile is described in UTC.
    private static TimeZoneInfo ZoneOf(SenderProfile? profile) =>
        profile is not null && TimeZoneInfo.TryFindSystemTimeZoneById(profile.TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;
}
