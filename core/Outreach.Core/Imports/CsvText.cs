namespace Outreach.Core.Imports;

/// <summary>Writing one CSV cell as RFC 4180 wants it.</summary>
internal static class CsvText
{
    /// <summary>
    /// Whether a spreadsheet would take a cell starting so for a formula (<c>= + - @</c>, or a tab or carriage return
    /// before one): a value from a file is kept as written, but text this app writes is never to run as one.
    /// </summary>
    public static bool StartsLikeFormula(ReadOnlySpan<char> value) => !value.IsEmpty && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>The cell quoted, with its quotes doubled.</summary>
    public static string Quoted(string value) => $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    /// <summary>A cell as CSV writes it: quoted (quotes doubled) when it holds the separator, a quote, a line break or edge spaces.</summary>
    public static string Cell(string value, char delimiter) =>
        value.AsSpan().IndexOfAny(delimiter, '"', '\n') >= 0 || value.Contains('\r', StringComparison.Ordinal) || value.Trim().Length != value.Length
            ? Quoted(value)
            : value;
}
