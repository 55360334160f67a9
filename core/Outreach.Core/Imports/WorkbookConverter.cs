using System.Globalization;
using System.Text;
using ExcelDataReader;

namespace Outreach.Core.Imports;

/// <summary>
/// Turns the first sheet of an Excel workbook (.xlsx, or .xls) into the CSV the import reads, so a "simple sheet" kept in
/// Excel imports as it is. Row N of the sheet is line N of the CSV (empty rows stay as empty lines), so every line the
/// import report names is the sheet's row: a line break inside a cell (Alt+Enter) is written as U+2028 LINE SEPARATOR,
/// which the import reads back as a line break in notes (<see cref="TextCleaner.MultiLine"/>) and as a space elsewhere.
/// Dates become <c>yyyy-MM-dd</c>, numbers their invariant text, and cells are never evaluated (a formula gives its
/// cached value). The CSV stops at a byte limit. Uploads come here through <see cref="UploadConverter"/>,
/// which also refuses an .xlsx whose parts expand too far before it is read.
/// </summary>
internal static class WorkbookConverter
{
    static WorkbookConverter() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance); // .xls text is in Windows code pages

    /// <summary>Writes the first sheet of <paramref name="workbook"/> as UTF-8 CSV to <paramref name="destination"/>.</summary>
    /// <param name="workbook">The .xlsx or .xls file, from its start.</param>
    /// <param name="destination">Where the CSV goes.</param>
    /// <param name="maxBytes">The most the CSV may hold.</param>
    /// <param name="cancellationToken">Checked between rows.</param>
    /// <returns>The CSV's length in bytes.</returns>
    /// <exception cref="DomainException">The workbook cannot be read (<c>import.spreadsheet-unreadable</c>: damaged, or
    /// protected by a password) or its sheet is larger than <paramref name="maxBytes"/> as CSV (<c>import.archive-too-large</c>);
    /// both name the target <c>file</c>.</exception>
    public static async Task<long> ToCsvAsync(Stream workbook, Stream destination, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(destination);
        var writer = new StreamWriter(destination, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            long written = 0;
            try
            {
                using var reader = ExcelReaderFactory.CreateReader(workbook, new ExcelReaderConfiguration { LeaveOpen = true });
                var line = new StringBuilder();
                var cells = new List<string>();
                while (reader.Read())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    line.Clear();
                    AppendRow(reader, cells, line);
                    line.Append("\r\n");
                    foreach (var chunk in line.GetChunks())
                    {
                        written += Encoding.UTF8.GetByteCount(chunk.Span);
                    }

                    if (written > maxBytes)
                    {
                        throw TooLarge(maxBytes);
                    }

                    await writer.WriteAsync(line, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException or System.Xml.XmlException or NotSupportedException)
            {
                throw new DomainException(
                    "import.spreadsheet-unreadable",
                    "The workbook cannot be read (it is damaged, or protected by a password): save it as CSV and upload that.",
                    "file");
            }

            return written;
        }
    }

    /// <summary>The row's cells up to its last non-empty one, comma-separated.</summary>
    private static void AppendRow(IExcelDataReader reader, List<string> cells, StringBuilder line)
    {
        cells.Clear();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            cells.Add(Text(reader.GetValue(i)));
        }

        var count = cells.FindLastIndex(c => c.Length > 0) + 1;
        for (var i = 0; i < count; i++)
        {
            line.Append(i > 0 ? "," : string.Empty).Append(CsvText.Cell(cells[i], ','));
        }
    }

    /// <summary>Written for a line break inside a cell, so the cell stays on its row's line.</summary>
    internal const string LineBreakInCell = "\u2028";

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        string text => text.AsSpan().IndexOfAny('\r', '\n') < 0 ? text : text.ReplaceLineEndings(LineBreakInCell),
        DateTime { TimeOfDay.Ticks: 0 } date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime moment => moment.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "TRUE" : "FALSE",
        IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static DomainException TooLarge(long maxBytes) =>
        new(ImportErrorCodes.ExpandsTooFar, $"The workbook's sheet is larger than {maxBytes} bytes as CSV, the most an upload may be.", "file");
}
