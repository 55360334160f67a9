using System.Globalization;

namespace Outreach.Storage.Tables;

/// <summary>
/// OData literals for table filters, escaped so a value can never change the filter's meaning: strings quoted
/// with <c>'</c> doubled, <c>datetime'…'</c>, Int64 with an <c>L</c> suffix, <c>guid'…'</c>, <c>X'hex'</c>, bools.
/// Non-ASCII text stays as is (the query string is percent-encoded as UTF-8 when sent).
/// </summary>
public static class TableFilterLiteral
{
    /// <summary>Formats a value as an OData literal.</summary>
    /// <exception cref="ArgumentException">The type has no table literal (or a double is NaN/infinite, or a DateTime not UTC).</exception>
    public static string Format(object value) => value switch
    {
        null => throw new ArgumentNullException(nameof(value), "Table filters cannot compare with null; test for a missing property another way."),
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d when double.IsFinite(d) => d.ToString("R", CultureInfo.InvariantCulture) is var r && (r.Contains('.', StringComparison.Ordinal) || r.Contains('E', StringComparison.Ordinal)) ? r : r + ".0",
        bool b => b ? "true" : "false",
        DateTimeOffset t => "datetime'" + t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) + "'",
        DateTime { Kind: DateTimeKind.Utc } t => Format(new DateTimeOffset(t)),
        Guid g => "guid'" + g.ToString("D") + "'",
        byte[] bytes => "X'" + Convert.ToHexString(bytes) + "'",
        _ => throw new ArgumentException($"A {value.GetType().Name} cannot be used in a table filter (NaN, infinities and non-UTC DateTimes included).", nameof(value)),
    };
}
