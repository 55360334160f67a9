using Outreach.Core.Messaging.Templates;
using Outreach.Core.Planning;
using Outreach.Functions.Dispatching;

namespace Outreach.Functions.Campaigns;

/// <summary>
/// Marks the planned tasks whose draft an edit changed for measuring and scoring again (<see cref="StaleDrafts"/>): the
/// owner's template of a kind saved or deleted (every planned task of that kind).
/// </summary>
internal sealed class PendingDrafts(DispatchStorage storage, ITaskStore tasks, ITaskListing listing, IDueIndex index, TimeProvider time)
{
    private static readonly TaskQuery Planned = new() { States = [TaskState.Planned] };

    /// <summary>The owner's planned tasks of <paramref name="kind"/>, after their template was saved or deleted.</summary>
    /// <returns>How many were marked.</returns>
    public async Task<int> OfTemplateChangedAsync(string ownerId, TemplateKind kind, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var planned = await listing.ListAsync(ownerId, Planned, cancellationToken).ConfigureAwait(false);
        return await StaleDrafts.ScoreAgainAsync(tasks, index, planned.Where(t => t.Template == kind), time, cancellationToken).ConfigureAwait(false);
    }
}
