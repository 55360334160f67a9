namespace Outreach.Storage.Tables;

/// <summary>
/// Runs independent storage requests concurrently, at most <see cref="MaxInFlight"/> at a time: a batch of point
/// reads or inserts costs a few round trips of latency instead of one per item, without flooding the account.
/// </summary>
internal static class BoundedRequests
{
    /// <summary>How many requests of one batch may be in flight at once.</summary>
    public const int MaxInFlight = 16;

    /// <summary>One request per item; the results in the items' order. The first failure cancels the rest and is thrown.</summary>
    public static async Task<TResult[]> SelectAsync<TItem, TResult>(
        IReadOnlyList<TItem> items, Func<TItem, CancellationToken, Task<TResult>> request, CancellationToken cancellationToken)
    {
        var results = new TResult[items.Count];
        await ForEachAsync(Enumerable.Range(0, items.Count).ToArray(), async (i, token) => results[i] = await request(items[i], token).ConfigureAwait(false), cancellationToken)
            .ConfigureAwait(false);
        return results;
    }

    /// <summary>One request per item. The first failure cancels the rest and is thrown.</summary>
    public static async Task ForEachAsync<TItem>(IReadOnlyList<TItem> items, Func<TItem, CancellationToken, Task> request, CancellationToken cancellationToken)
    {
        if (items.Count == 1)
        {
            // Nothing to overlap: skip the scheduling.
            await request(items[0], cancellationToken).ConfigureAwait(false);
            return;
        }

        if (items.Count > 1)
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = MaxInFlight, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(items, options, async (item, token) => await request(item, token).ConfigureAwait(false)).ConfigureAwait(false);
        }
    }
}
