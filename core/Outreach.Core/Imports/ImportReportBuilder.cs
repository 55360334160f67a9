namespace Outreach.Core.Imports;

/// <summary>Counts row outcomes and keeps the first rejected rows for the report.</summary>
internal sealed class ImportReportBuilder(int maxRejectedRows)
{
    private readonly List<RejectedRow> _rejectedRows = [];

    public long RowsRead { get; private set; }

    public long Accepted { get; private set; }

    public long Merged { get; private set; }

    public long Unchanged { get; private set; }

    public long Rejected { get; private set; }

    public long RowsWithPartsLeftOut { get; private set; }

    public long RowsWithAddressesLeftOut { get; private set; }

    /// <summary>The line of the first row not read because the import reached its row limit, or null.</summary>
    public int? NotReadFromLine { get; private set; }

    public void NotReadFrom(int line) => NotReadFromLine = line;

    /// <summary>The line of the row too long to read, where the import stopped, or null.</summary>
    public int? StoppedAtLine { get; private set; }

    public void StopAt(int line) => StoppedAtLine = line;

    public void Count(in ImportRowResult result)
    {
        RowsRead++;
        switch (result.Outcome)
        {
            case ImportRowOutcome.New:
                Accepted++;
                CountPartsLeftOut(result, merged: false);
                break;
            case ImportRowOutcome.Merged:
                Merged++;
                CountPartsLeftOut(result, merged: true);
                break;
            case ImportRowOutcome.Unchanged:
                Unchanged++;
                CountPartsLeftOut(result, merged: true);
                break;
            default:
                Rejected++;
                if (_rejectedRows.Count < maxRejectedRows)
                {
                    var raw = result.RawText ?? string.Empty;
                    var truncated = raw.Length > ImportReport.MaxRawTextLength;
                    _rejectedRows.Add(new RejectedRow(result.Line, result.Errors, truncated ? raw[..ImportReport.MaxRawTextLength] : raw, truncated));
                }

                break;
        }
    }

    /// <summary>Counts a row with addresses left out, and a merged (or already known) one with parts its contact had no room for.</summary>
    private void CountPartsLeftOut(in ImportRowResult result, bool merged)
    {
        if (result.Errors.Count == 0)
        {
            return;
        }

        var addresses = 0;
        foreach (var problem in result.Errors)
        {
            addresses += LeftOutAddresses.Is(problem) ? 1 : 0;
        }

        if (addresses > 0)
        {
            RowsWithAddressesLeftOut++;
        }

        if (merged && addresses < result.Errors.Count)
        {
            RowsWithPartsLeftOut++;
        }
    }

    public ImportReport Build(ImportDetection detection, long formulaLikeCells, long bytesRead, long? maxRows) => new()
    {
        Format = detection.Header.Layout.Format,
        Encoding = detection.Encoding.Name,
        Delimiter = detection.Header.Delimiter,
        HeaderLine = detection.Header.Line,
        RecognisedColumns = detection.Header.Layout.Recognised,
        IgnoredColumns = detection.Header.Layout.Ignored,
        RowsRead = RowsRead,
        Accepted = Accepted,
        Merged = Merged,
        Unchanged = Unchanged,
        Rejected = Rejected,
        RejectedRows = _rejectedRows,
        RejectedRowsNotListed = Rejected - _rejectedRows.Count,
        RowsWithPartsLeftOut = RowsWithPartsLeftOut,
        RowsWithAddressesLeftOut = RowsWithAddressesLeftOut,
        FormulaLikeCells = formulaLikeCells,
        BytesRead = bytesRead,
        NotReadFromLine = NotReadFromLine,
        StoppedAtLine = StoppedAtLine,
        Message = MessageOf(maxRows),
    };

    /// <summary>
    /// What the counts do not say, one sentence each: where a row too long to read stopped the import, rows merged
    /// without the parts their contact had no room for, rows imported without some of their addresses, and where the row limit stopped it (last: the function app adds
    /// which setting that limit is) or that the file had no rows.
    /// </summary>
    private string? MessageOf(long? maxRows)
    {
        string?[] sentences =
        [
            StoppedAtLine is { } stop
                ? $"The row starting on line {stop} is longer than {CsvRecordCursor.MaxRecordBytes / (1024 * 1024)} MiB, most likely because a quote in it " +
                  $"is never closed: the import stopped there, and the rows from line {stop} on were not read. Fix that quote and upload the file " +
                  "again (the rows imported already are recognised, not duplicated)."
                : null,
            RowsWithPartsLeftOut == 0 ? null
                : $"{RowsWithPartsLeftOut} {(RowsWithPartsLeftOut == 1 ? "row was" : "rows were")} merged into contacts with no room left for " +
                  "some of their notes, offers, events met or tags: those parts were not added, and each such row's problems in the list " +
                  "of every row's outcome say which.",
            RowsWithAddressesLeftOut == 0 ? null
                : $"{RowsWithAddressesLeftOut} {(RowsWithAddressesLeftOut == 1 ? "row was imported by its" : "rows were imported by their")} first address " +
                  $"with another address left out (not a valid address, or past the {StagedRow.MaxFurtherEmails} more a contact " +
                  "is found by): each such row's problems in the list of every row's outcome name the column and which address.",
            NotReadFromLine is { } line
                ? $"The import stopped after {maxRows} rows, the most one import may hold: the rows from line {line} on were not read. " +
                  "Import them as a file of their own (rows imported already are recognised, not duplicated)."
                : RowsRead == 0 && StoppedAtLine is null ? "The file has a header but no rows to import." : null,
        ];
        var said = sentences.OfType<string>().ToArray();
        return said.Length == 0 ? null : string.Join(' ', said);
    }
}
