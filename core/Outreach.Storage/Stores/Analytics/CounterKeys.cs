using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Outreach.Core.Analytics.Counters;

namespace Outreach.Storage.Stores.Analytics;

/// <summary>
/// The keys of the counter table (protocol: <see cref="ICounterStore"/>). Owner ids, dimension values and contact ids
/// are key-encoded (<see cref="TableKeyCodec"/>), so an event name like <c>C# / Q&amp;A?</c> is a legal, reversible key.
/// </summary>
internal static class CounterKeys
{
    /// <summary>Sorts after every <c>yyyy-MM-dd</c> row, so day range queries never return markers.</summary>
    public const string MarkerPrefix = "~m|";

    private const string DayFormat = "yyyy-MM-dd";
    private const string SubjectPart = "subject";

    /// <summary><c>{owner}|{kind}</c>: the partition of an owner's cells of one dimension and of their markers.</summary>
    public static string Partition(string ownerId, DimensionKind kind) =>
        TableKeyCodec.Encode(ownerId) + TableKeyCodec.Separator + kind.ToString();

    /// <summary><c>{yyyy-MM-dd}|{value}</c>.</summary>
    public static string CellRow(DateOnly day, string value) => Day(day) + TableKeyCodec.Separator + TableKeyCodec.Encode(value);

    /// <summary>The first row key of <paramref name="day"/>; every cell of that day sorts at or after it and before the next day's.</summary>
    public static string Day(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    public static CellKey ParseCell(string ownerId, DimensionKind kind, string rowKey)
    {
        var parts = TableKeyCodec.Split(rowKey, 2);
        return new CellKey(ownerId, DateOnly.ParseExact(parts[0], DayFormat, CultureInfo.InvariantCulture), kind, parts[1]);
    }

    /// <summary>
    /// <c>~m|{SHA-256 of dedupe key, cell and counter}</c>. The parts are key-encoded before joining, so two different
    /// increments can never hash the same text; the hash keeps the contact id out of the marker.
    /// </summary>
    public static string MarkerRow(CounterIncrement increment)
    {
        var cell = increment.Cell;
        var text = TableKeyCodec.Join(
            increment.Dedupe.OwnerId, increment.Dedupe.SubjectId, increment.Dedupe.Fact,
            cell.OwnerId, Day(cell.Day), cell.Kind.ToString(), cell.Value, increment.Counter);
        return MarkerPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary><c>{owner}|subject|{contact}</c>: the erasure index of one contact's markers.</summary>
    public static string SubjectPartition(string ownerId, string subjectId) =>
        TableKeyCodec.Join(ownerId, SubjectPart, subjectId);

    /// <summary>The erasure-index row naming one marker (its kind and hash, which together are unique per owner).</summary>
    public static string SubjectRow(string markerPartition, string markerRow) =>
        markerPartition[(markerPartition.LastIndexOf(TableKeyCodec.Separator) + 1)..] + TableKeyCodec.Separator + markerRow[MarkerPrefix.Length..];
}
