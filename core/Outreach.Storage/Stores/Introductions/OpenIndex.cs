using Outreach.Core.Introductions;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Introductions;

/// <summary>
/// The index of the introductions the hourly timer must look at, kept in the <c>Introductions</c> table itself: one row
/// per introduction in partition <see cref="Partition"/>, RowKey <c>{owner}|{introductionId}</c> (each part
/// <see cref="TableKeyCodec"/>-encoded). Owner partitions are account ids (letters, digits, <c>-</c>, <c>_</c>), so a
/// partition starting with <c>~</c> never meets one. The row is written before its introduction enters a watched state
/// and removed after it leaves one; the two writes cannot be one transaction (different partitions), so the order
/// makes every failure leave an extra row, which the timer removes, and never a missing one.
/// </summary>
internal static class OpenIndex
{
    /// <summary>The index partition.</summary>
    public const string Partition = "~open";

    /// <summary>The partition of the index's own bookkeeping.</summary>
    public const string MetaPartition = "~meta";

    /// <summary>The row saying the introductions stored before the index existed have been indexed.</summary>
    public const string BackfilledMarker = "open-index-backfilled";

    /// <summary>
    /// How long an index row whose introduction is not stored is kept: a request is indexed just before it is inserted,
    /// so for a moment its row has no introduction; past this, the insert failed and the row is removed.
    /// </summary>
    public static readonly TimeSpan OrphanGrace = TimeSpan.FromHours(1);

    private const string RequestedAtProperty = nameof(Introduction.RequestedAt);

    /// <summary>
    /// Whether the timer looks at <paramref name="introduction"/>: awaiting B's answer, introduced, or stalled before B
    /// answered (it expires at its deadline). No workflow move leads back into these states once left.
    /// </summary>
    public static bool Watches(Introduction introduction) => introduction.State switch
    {
        IntroductionState.AwaitingConsent or IntroductionState.Introduced => true,
        IntroductionState.Stalled => introduction.Answer is null,
        _ => false,
    };

    public static string RowKey(Introduction introduction) =>
        $"{TableKeyCodec.Encode(introduction.OwnerId)}{TableKeyCodec.Separator}{TableKeyCodec.Encode(introduction.IntroductionId)}";

    public static TableEntity RowFor(Introduction introduction) => new(Partition, RowKey(introduction))
    {
        [RequestedAtProperty] = introduction.RequestedAt,
    };

    /// <summary>The owner and introduction an index row names.</summary>
    /// <exception cref="FormatException">A row key that is not <c>{owner}|{introductionId}</c>.</exception>
    public static (string OwnerId, string IntroductionId) Parse(string rowKey)
    {
        var parts = rowKey.Split(TableKeyCodec.Separator);
        return parts is [var owner, var id]
            ? (TableKeyCodec.Decode(owner), TableKeyCodec.Decode(id))
            : throw new FormatException($"Introduction index row '{rowKey}' does not name an owner and an introduction.");
    }

    /// <summary>When the indexed request was made (the start of its orphan grace).</summary>
    public static DateTimeOffset RequestedAt(TableEntity row) => row.GetDateTimeOffset(RequestedAtProperty) ?? DateTimeOffset.MinValue;
}
