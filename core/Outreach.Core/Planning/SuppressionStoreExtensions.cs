namespace Outreach.Core.Planning;

/// <summary>Loading a stored partition into the list planning checks against.</summary>
public static class SuppressionStoreExtensions
{
    /// <summary>The owner's suppressions as a <see cref="SuppressionList"/> (one partition read).</summary>
    public static async Task<SuppressionList> LoadListAsync(this ISuppressionStore store, string ownerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var list = new SuppressionList();
        foreach (var entry in await store.ListAsync(ownerId, cancellationToken))
        {
            entry.AddTo(list);
        }

        return list;
    }
}
