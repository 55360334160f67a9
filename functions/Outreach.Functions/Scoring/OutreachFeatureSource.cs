using Outreach.Core.Campaigns;
using Outreach.Core.Contacts;
using Outreach.Core.Planning;
using Outreach.Core.Senders;
using Outreach.Core.Sending;

namespace Outreach.Functions.Scoring;

/// <summary>Loads an owner's <see cref="OwnerFeatureContext"/> for a set of tasks: profile, campaigns, and the contacts they name.</summary>
internal sealed class OutreachFeatureSource(IContactReader contacts, ICampaignStore campaigns, ISenderProfileStore profiles)
{
    /// <summary>Up to this many contacts are read one by one (a dispatcher run's due tasks); more are read with the owner's all.</summary>
    internal const int PointReadsAtMost = 32;

    /// <summary>
    /// How many of the owner's contacts are worth reading per contact needed: a partition page holds up to 1,000, so
    /// reading 20 for each one needed costs one request per 50 needed instead of 50. An owner with more (a student who
    /// imported 30,000 LinkedIn connections and wrote to 100) is read one by one after all.
    /// </summary>
    internal const int ContactsReadPerContactNeeded = 20;

    /// <summary>How many point reads are in flight at once.</summary>
    private const int ConcurrentReads = 16;

    public async Task<OwnerFeatureContext> ForOwnerAsync(string ownerId, IReadOnlyCollection<OutreachTask> tasks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var profileRead = profiles.GetAsync(ownerId, cancellationToken);
        var campaignsRead = campaigns.ListAsync(ownerId, cancellationToken);
        var ids = tasks.Select(t => t.ContactId).ToHashSet(StringComparer.Ordinal);
        var found = await ReadAsync(ownerId, ids, cancellationToken).ConfigureAwait(false);
        var profile = await profileRead.ConfigureAwait(false);
        var stored = await campaignsRead.ConfigureAwait(false);
        return new OwnerFeatureContext(
            ZoneOf(profile),
            found,
            StoredCampaigns.WithDefaults(ownerId, stored).ToDictionary(c => c.CampaignId, StringComparer.Ordinal),
            profile);
    }

    /// <summary>
    /// The contacts of <paramref name="ids"/> that exist: a whole history (<c>GET /api/model</c>, the nightly retraining)
    /// names hundreds or thousands, which one partition scan reads in a few requests instead of one request each.
    /// </summary>
    private async Task<Dictionary<string, Contact>> ReadAsync(string ownerId, HashSet<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count > PointReadsAtMost
            && await contacts.TryListAsync(ownerId, ids.Count * ContactsReadPerContactNeeded, cancellationToken).ConfigureAwait(false) is { } all)
        {
            return all.Where(c => ids.Contains(c.ContactId)).ToDictionary(c => c.ContactId, StringComparer.Ordinal);
        }

        var found = new Dictionary<string, Contact>(StringComparer.Ordinal);
        var gate = new object();
        await Parallel.ForEachAsync(
            ids,
            new ParallelOptions { MaxDegreeOfParallelism = ConcurrentReads, CancellationToken = cancellationToken },
            async (id, ct) =>
            {
                if (await contacts.GetAsync(ownerId, id, ct).ConfigureAwait(false) is { } contact)
                {
                    lock (gate)
                    {
                        found[id] = contact;
                    }
                }
            }).ConfigureAwait(false);
        return found;
    }

    // A profile's zone is validated when saved; an owner without a profile is described in UTC.
    private static TimeZoneInfo ZoneOf(SenderProfile? profile) =>
        profile is not null && TimeZoneInfo.TryFindSystemTimeZoneById(profile.TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;
}
