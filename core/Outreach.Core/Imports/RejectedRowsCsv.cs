using System.Globalization;
using System.Text;
using Outreach.Core.Contacts;

namespace Outreach.Core.Imports;

/// <summary>
/// Every rejected row of an import as a CSV the owner can fix and import again: the file's own header and separator
/// with one more column in front, <see cref="ErrorColumn"/>, saying what is wrong (<c>Line 7: Email Address is not a
/// valid email address: ...</c>), then each rejected row's original text, whole and unchanged (a line whose quoting is
/// broken goes whole into one cell, so it cannot swallow the rows after it). The report lists the
/// first rejected rows only (<see cref="ImportOptions.MaxRejectedRowsInReport"/>); this lists them all. Importing the
/// corrected file works as it is: the extra column is one the importer does not know, so it is ignored.
/// </summary>
/// <remarks>
/// The rows are found by reading the kept upload again with the import's own options, against no contacts and storing
/// nothing: whether a row is refused depends on the row alone, never on what is stored, so the lines and reasons are
/// the report's. The rows' text is the owner's own file and is written as it was (escaping a cell that starts like a
/// formula would change the data when it is imported again); the added cells never start like one.
/// </remarks>
public static class RejectedRowsCsv
{
    /// <summary>The column added in front of the file's own.</summary>
    public const string ErrorColumn = "Import error";

    /// <summary>Added to the error of a row whose text opens a quote it never closes, which is written as one cell.</summary>
    public const string UnclosedQuoteNote = " (the whole line is in the next cell, as it was in the file: fix its quotes, then split it into its cells)";

    /// <summary>Writes the header and every rejected row of <paramref name="file"/> to <paramref name="output"/> (left open).</summary>
    /// <param name="file">The file as uploaded (or as kept after erasure).</param>
    /// <param name="options">The options the file was imported with (format, limits); nothing is stored under its owner.</param>
    /// <param name="output">Where the CSV goes.</param>
    /// <param name="cancellationToken">Cancels reading and writing.</param>
    /// <returns>How many rows were written (the header not counted); 0 and nothing written for an empty file.</returns>
    /// <exception cref="DomainException">The file cannot be read as an import (<c>import.not-text</c>, <c>import.no-header</c>).</exception>
    public static async Task<long> WriteAsync(Stream file, ImportOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var import = await new ContactImporter(new InMemoryContactDirectory(), DiscardingContactSink.Instance)
            .StartAsync(file, options, progress: null, cancellationToken)
            .ConfigureAwait(false);
        await using (import.ConfigureAwait(false))
        {
            if (import.Detection is not { } detection)
            {
                return 0;
            }

            var delimiter = detection.Header.Delimiter;
            var line = new StringBuilder(CsvText.Cell(ErrorColumn, delimiter));
            foreach (var header in detection.Header.Layout.Headers)
            {
                line.Append(delimiter).Append(CsvText.Cell(header, delimiter));
            }

            await WriteLineAsync(output, line, cancellationToken).ConfigureAwait(false);
            long rows = 0;
            await foreach (var row in import.ReadRowsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (row.Outcome != ImportRowOutcome.Rejected)
                {
                    continue;
                }

                var text = (row.RawText ?? string.Empty).TrimEnd('\r', '\n');
                if (BreaksQuoting(text, delimiter))
                {
                    line.Clear().Append(CsvText.Cell(Describe(row) + UnclosedQuoteNote, delimiter)).Append(delimiter).Append(CsvText.Quoted(text));
                }
                else
                {
                    line.Clear().Append(CsvText.Cell(Describe(row), delimiter)).Append(delimiter).Append(text);
                }

                await WriteLineAsync(output, line, cancellationToken).ConfigureAwait(false);
                rows++;
            }

            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            return rows;
        }
    }

    /// <summary>
    /// Whether the text, written as it is, would not read back as the one row it was: it opens a quoted cell it never
    /// closes (which would swallow every row after it in a spreadsheet, and in the importer but for its containment), or
    /// has text after a cell's closing quote. Such a row goes in one cell instead. A quote inside an unquoted cell
    /// (5'6" tall) is text, and its row is written as it is, to be fixed where it is wrong and imported again.
    /// </summary>
    private static bool BreaksQuoting(string text, char delimiter) =>
        char.IsAscii(delimiter)
            ? CsvRecordCursor.QuotingProblemOf(Encoding.UTF8.GetBytes(text), (byte)delimiter) is not null
            : text.AsSpan().Count('"') % 2 == 1;

    /// <summary>"Line 7: Email Address is not a valid email address: ...; Connected On '31 Feb 2024' is not a date ...".</summary>
    private static string Describe(in ImportRowResult row) =>
        string.Create(CultureInfo.InvariantCulture, $"Line {row.Line}: {RowError.Describe(row.Errors)}");

    private static async Task WriteLineAsync(TextWriter output, StringBuilder line, CancellationToken cancellationToken)
    {
        line.Append("\r\n");
        await output.WriteAsync(line, cancellationToken).ConfigureAwait(false);
    }
}
