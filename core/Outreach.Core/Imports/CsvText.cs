namespace Outreach.Core.Imports;

/// <summary>Writing one CSV cell as RFC 4180 wants it.</summary>
internal static class CsvText
{
    /// <summary>The cell quoted, with its quotes doubled.</summary>
    public static string Quoted(string value) => $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    /// <summary>A cell as CSV writes it: quoted (quotes doubled) when it holds the separator, a quote, a line break or edge spaces.</summary>
    public static string Cell(string value, char delimiter) =>
        value.AsSpan().IndexOfAny(delimiter, '"', '\n') >= 0 || value.Contains('\r', StringComparison.Ordinal) || value.Trim().Length != value.Length
            ? Quoted(value)
            : value;
}
