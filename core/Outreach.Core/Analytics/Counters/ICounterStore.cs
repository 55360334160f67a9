namespace Outreach.Core.Analytics.Counters;

/// <summary>
/// Keeps the metric counters: idempotent increments on the way in, and reads whose cost depends on the days and
/// groups asked for, never on how many events produced them.
/// </summary>
/// <remarks>
/// <para>Protocol for a table-storage implementation (one table; every key below is in the same table):</para>
/// <list type="bullet">
/// <item><description><b>Counter entity</b>: PartitionKey <c>{owner}|{kind}</c>, RowKey <c>{yyyy-MM-dd}|{value}</c>,
/// one Int64 property per counter name. A read of (owner, kind, from, to) is one range query on that partition
/// (<c>RowKey ge 'from' and RowKey lt 'to+1'</c>), so it returns days × values rows whatever the history.</description></item>
/// <item><description><b>Marker entity</b>: same partition as the counter it guards, RowKey <c>~m|{SHA-256 of
/// dedupe key, cell and counter}</c> (<c>~</c> sorts after every date, so day range queries never return markers).
/// The marker holds no contact id.</description></item>
/// <item><description><b>Apply</b>: read the counter entity and its ETag (absent = 0), then submit one
/// entity-group transaction on that partition: <i>insert</i> the marker and <i>update</i> the counter with
/// <c>If-Match: ETag</c> (or <i>insert</i> it when it was absent). The two succeed or fail together, so a crash
/// can never leave a counted fact without its marker or the reverse. 409 EntityAlreadyExists on the marker means
/// the fact was already counted: report it as not applied. 412 (or 409 on the counter insert) means another
/// writer got there first: re-read and retry. Many increments on one cell may share that transaction (up to 99
/// markers and the counter, whose deltas are summed); a 409 on one marker drops that increment, and any other whose
/// marker a read finds, and the rest are submitted again.</description></item>
/// <item><description><b>Erasure index</b>: before the transaction, upsert <c>{owner}|subject|{contact}</c> /
/// <c>{marker partition}|{marker row}</c>. Erasing a contact lists that partition, deletes each marker it names,
/// then the index rows; the counters stay. After erasure a redelivered event for the contact would count again,
/// which is why the pipeline deletes a contact's tasks and queued events with the contact.</description></item>
/// </list>
/// </remarks>
public interface ICounterStore
{
    /// <summary>
    /// Applies each increment unless one with the same dedupe key, cell and counter was applied before.
    /// Increments are independent: a failure part-way may be retried with the whole list.
    /// </summary>
    /// <param name="increments">The increments from one event or from many (an import's contacts met); the same one twice counts once.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many were applied now (the rest had been applied already).</returns>
    Task<int> ApplyAsync(IReadOnlyList<CounterIncrement> increments, CancellationToken cancellationToken);

    /// <summary>The owner's cells of one dimension for every day from <paramref name="firstDay"/> to <paramref name="lastDay"/>, both inclusive.</summary>
    /// <param name="ownerId">The owner.</param>
    /// <param name="kind">The dimension.</param>
    /// <param name="firstDay">First day (inclusive).</param>
    /// <param name="lastDay">Last day (inclusive).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<IReadOnlyList<CounterCell>> ReadAsync(
        string ownerId, DimensionKind kind, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken);

    /// <summary>Forgets every dedupe marker about one contact; the counts stay.</summary>
    /// <param name="ownerId">The owner.</param>
    /// <param name="subjectId">The contact.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many markers were deleted.</returns>
    Task<int> EraseSubjectAsync(string ownerId, string subjectId, CancellationToken cancellationToken);
}
