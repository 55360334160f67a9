namespace Outreach.Core.Imports;

/// <summary>
/// Recognises a spreadsheet workbook where CSV is read (Excel's .xlsx and .xls, OpenDocument's .ods), so the refusal
/// says what the file is and how to save it as CSV instead of calling it binary or an archive without a CSV. (Uploads
/// of Excel workbooks are turned into CSV first, <see cref="WorkbookConverter"/>; an .ods is not.)
/// </summary>
public static class SpreadsheetFiles
{
    /// <summary>The error code for a workbook (the HTTP layer answers 415, as for other non-text input).</summary>
    public const string Code = "import.spreadsheet";

    /// <summary>The part every .xlsx has.</summary>
    private const string XlsxWorkbookPart = "xl/workbook.xml";

    private const string HowToSaveAsCsv =
        "Save it as CSV and upload that: in Excel, File > Save As > CSV UTF-8 (Comma delimited); in Google Sheets, " +
        "File > Download > Comma-separated values; in LibreOffice or Numbers, export as CSV.";

    /// <summary>Whether the file starts like an Excel 97-2003 workbook (an OLE compound file).</summary>
    public static bool IsLegacyExcel(ReadOnlySpan<byte> start) => start.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

    /// <summary>Whether a ZIP archive with these entry names is an Excel workbook (.xlsx).</summary>
    public static bool IsXlsx(IEnumerable<string> entryNames) => entryNames.Contains(XlsxWorkbookPart, StringComparer.Ordinal);

    /// <summary>What workbook a ZIP archive with these entry names is, or null when it is none.</summary>
    public static string? KindOfArchive(IEnumerable<string> entryNames)
    {
        ArgumentNullException.ThrowIfNull(entryNames);
        var names = entryNames.ToHashSet(StringComparer.Ordinal);
        return IsXlsx(names) ? "an Excel workbook (.xlsx)"
            : names.Contains("mimetype") && names.Contains("content.xml") ? "an OpenDocument spreadsheet (.ods)"
            : null;
    }

    /// <summary>The refusal of a workbook of <paramref name="kind"/>, naming the file and saying how to save it as CSV.</summary>
    public static DomainException Refusal(string kind) => new(Code, $"The file is {kind}, not CSV. {HowToSaveAsCsv}", "file");
}
