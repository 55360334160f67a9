using System.Globalization;
using System.IO.Compression;
using System.Text;
using ExcelDataReader;

namespace Outreach.Core.Imports;

/// <summary>
/// Turns the first sheet of an Excel workbook (.xlsx, or .xls) into the CSV the import reads, so a "simple sheet" kept in
/// Excel imports as it is. Row N of the sheet is line N of the CSV (empty rows stay as empty lines) unless a cell holds
/// line breaks; dates become <c>yyyy-MM-dd</c>, numbers their invariant text, and cells are never evaluated (a formula
/// gives its cached value). The CSV stops at a byte limit, and an .xlsx whose parts expand past a few times that is
/// refused before it is read, so a small workbook cannot expand into a huge file.
/// </summary>
public static class WorkbookConverter
{
    /// <summary>How many times the CSV limit an .xlsx's parts may hold once expanded (their XML is far larger than the CSV).</summary>
    private const int ExpandedPartsPerCsvByte = 8;

    static WorkbookConverter() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance); // .xls text is in Windows code pages

    /// <summary>Whether a ZIP archive with these entry names is an Excel workbook (.xlsx).</summary>
    public static bool IsXlsx(IEnumerable<string> entryNames)
    {
        ArgumentNullException.ThrowIfNull(entryNames);
        return entryNames.Contains("xl/workbook.xml", StringComparer.Ordinal);
    }

    /// <summary>Writes the first sheet of <paramref name="workbook"/> as UTF-8 CSV to <paramref name="destination"/>.</summary>
    /// <param name="workbook">The .xlsx or .xls file (seekable).</param>
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
        RefuseExpandingXlsx(workbook, maxBytes);
        var writer = new StreamWriter(destination, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            long written = 0;
            try
            {
                using var reader = ExcelReaderFactory.CreateReader(workbook, new ExcelReaderConfiguration { LeaveOpen = true });
                var line = new StringBuilder();
                while (reader.Read())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    line.Clear();
                    AppendRow(reader, line);
                    line.Append("\r\n");
                    written += Encoding.UTF8.GetByteCount(line.ToString());
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
    private static void AppendRow(IExcelDataReader reader, StringBuilder line)
    {
        var last = reader.FieldCount - 1;
        while (last >= 0 && Text(reader.GetValue(last)) is null or "")
        {
            last--;
        }

        for (var i = 0; i <= last; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            line.Append(CsvText.Cell(Text(reader.GetValue(i)) ?? string.Empty, ','));
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        DateTime { TimeOfDay.Ticks: 0 } date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime moment => moment.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "TRUE" : "FALSE",
        IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Refuses an .xlsx whose parts, as their ZIP headers declare them, expand far past the CSV limit (the reader holds some parts in memory).</summary>
    private static void RefuseExpandingXlsx(Stream workbook, long maxBytes)
    {
        if (!workbook.CanSeek)
        {
            throw new ArgumentException("The workbook stream must be seekable.", nameof(workbook));
        }

        Span<byte> start = stackalloc byte[4];
        var position = workbook.Position;
        var read = workbook.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        workbook.Position = position;
        if (!ImportArchive.IsZip(start[..read]))
        {
            return;
        }

        long expanded;
        try
        {
            using var zip = new ZipArchive(workbook, ZipArchiveMode.Read, leaveOpen: true);
            expanded = zip.Entries.Sum(e => e.Length);
        }
        catch (InvalidDataException)
        {
            expanded = 0; // the reader says it cannot read it
        }
        finally
        {
            workbook.Position = position;
        }

        if (expanded > maxBytes * ExpandedPartsPerCsvByte)
        {
            throw TooLarge(maxBytes);
        }
    }

    private static DomainException TooLarge(long maxBytes) =>
        new("import.archive-too-large", $"The workbook's sheet is larger than {maxBytes} bytes as CSV, the most an upload may be.", "file");
}
