namespace Outreach.Core.Imports;

/// <summary>Where the header row of a file is and what it says.</summary>
/// <param name="Line">The physical (1-based) line the header starts on.</param>
/// <param name="Delimiter">The field separator sniffed from it.</param>
/// <param name="Layout">The column mapping it gives.</param>
internal sealed record HeaderMatch(int Line, char Delimiter, ImportLayout Layout);
