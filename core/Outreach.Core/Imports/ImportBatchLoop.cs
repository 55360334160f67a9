using Outreach.Core.Contacts;

namespace Outreach.Core.Imports;

/// <summary>
/// The reading loop of one import, a batch at a time: read up to a batch of rows, validate and normalise
/// them, de-duplicate and write them, report progress. Memory is one batch plus the de-duplication index.
/// </summary>
internal sealed class ImportBatchLoop : IAsyncDisposable
{
    /// <summary>A rough size of one data row, to size the de-duplication index from the file's length up front.</summary>
    private const int TypicalRowBytes = 100;

    private readonly ImportDetection _detection;
    private readonly ReplayStream _stream;
    private readonly ImportOptions _options;
    private readonly IProgress<ImportProgress>? _progress;
    private readonly long? _totalBytes;
    private readonly RowNormaliser _normaliser;
    private readonly BatchDeduplicator _deduplicator;
    private readonly ImportReportBuilder _report;
    private readonly CsvRecordCursor _cursor;
    private readonly StagedRow[] _rows;
    private readonly List<ImportRowResult> _results;
    private long _rowsStaged;
    private bool _atHeader;
    private bool _ended;

    public ImportBatchLoop(ImportDetection detection, ReplayStream stream, ImportOptions options, IContactDirectory directory, IContactSink sink, IProgress<ImportProgress>? progress, long? totalBytes)
    {
        _detection = detection;
        _stream = stream;
        _options = options;
        _progress = progress;
        _totalBytes = totalBytes;
        _normaliser = new RowNormaliser(detection.Header.Layout, options);
        var expectedRows = ExpectedRows(totalBytes, options.MaxRows);
        _deduplicator = new BatchDeduplicator(
            options.OwnerId,
            options.ImportId,
            directory,
            sink,
            new DedupeIndex(expectedRows * 2),
            new CreatedContactText(_normaliser.DefaultEvents),
            new LeftOutParts(detection.Header.Layout),
            ContactsWorthReadingAtOnce(expectedRows, totalBytes, options));
        _report = new ImportReportBuilder(options.MaxRejectedRowsInReport);
        _cursor = new CsvRecordCursor(detection.Encoding.ForCsvReader(stream), detection.Header.Delimiter, detection.Encoding.Encoding);
        _rows = new StagedRow[options.BatchSize];
        for (var i = 0; i < _rows.Length; i++)
        {
            _rows[i] = new StagedRow();
        }

        _results = new List<ImportRowResult>(options.BatchSize);
    }

    /// <summary>The results of the last batch, in file order.</summary>
    public IReadOnlyList<ImportRowResult> Results => _results;

    public ImportReport Report => _report.Build(_detection, _normaliser.FormulaLikeCells, _stream.BytesRead, _options.MaxRows);

    /// <summary>Processes the next batch; false when the file has no more rows (or the import reached its row limit).</summary>
    public async ValueTask<bool> NextBatchAsync(CancellationToken cancellationToken)
    {
        _results.Clear();
        if (_ended)
        {
            return false;
        }

        if (!_atHeader)
        {
            await SkipToHeaderAsync(cancellationToken);
            _atHeader = true;
        }

        var count = 0;
        while (count < _rows.Length)
        {
            if (_rowsStaged == _options.MaxRows)
            {
                await StopAtLimitAsync(cancellationToken);
                break;
            }

            if (!await ReadAsync(cancellationToken))
            {
                _ended = true;
                break;
            }

            if (_normaliser.Read(_cursor, _rows[count]))
            {
                count++;
                _rowsStaged++;
            }
        }

        if (count > 0)
        {
            await _deduplicator.ProcessAsync(_rows, count, _results, cancellationToken);
            foreach (var result in _results)
            {
                _report.Count(result);
            }

            for (var i = 0; i < count; i++)
            {
                _rows[i].Reset();
            }
        }

        _progress?.Report(new ImportProgress(_report.RowsRead, _stream.BytesRead, _totalBytes, _report.Accepted, _report.Merged, _report.Unchanged, _report.Rejected));
        return count > 0;
    }

    public ValueTask DisposeAsync() => _cursor.DisposeAsync();

    /// <summary>
    /// The next record; false at the end of the file, or at a record too long to read (a quote never closed, past
    /// <see cref="CsvRecordCursor.MaxRecordBytes"/>): the import stops there as at its row limit, with every row before
    /// it written and reported, and the report names the line.
    /// </summary>
    private async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _cursor.ReadAsync(cancellationToken);
        }
        catch (DomainException) when (_cursor.TooLargeAtLine is { } line)
        {
            _report.StopAt(line);
            return false;
        }
    }

    /// <summary>The rows guessed from the file's length (0 when it is not known); the index sizes for about two keys a row (a LinkedIn URL and name + company; an email now and then).</summary>
    private static int ExpectedRows(long? totalBytes, long? maxRows)
    {
        var rows = (totalBytes ?? 0) / TypicalRowBytes;
        if (maxRows is { } max)
        {
            rows = Math.Min(rows, max);
        }

        return (int)Math.Min(int.MaxValue / 4, rows);
    }

    /// <summary>
    /// The most stored contacts worth reading at once instead of looking keys up (<see cref="ImportOptions.MaxContactsReadAtOnce"/>):
    /// a thousand of them (and their keys) take a few requests, while a row takes about three point reads, so reading up
    /// to twice as many contacts as the file has rows costs far fewer requests, and no more data than twice the file.
    /// 0 (look keys up) when the file's size is not known.
    /// </summary>
    private static int ContactsWorthReadingAtOnce(int expectedRows, long? totalBytes, ImportOptions options) =>
        totalBytes is null ? 0 : (int)Math.Min(options.MaxContactsReadAtOnce, Math.Max(1L, expectedRows) * 2);

    /// <summary>At the row limit: notes the line of the next non-blank row, if there is one, as the first not read.</summary>
    private async ValueTask StopAtLimitAsync(CancellationToken cancellationToken)
    {
        _ended = true;
        while (await ReadAsync(cancellationToken))
        {
            if (_cursor.QuotingProblem is not null || !RowNormaliser.IsBlank(_cursor))
            {
                _report.NotReadFrom(_cursor.Line);
                return;
            }
        }
    }

    /// <summary>Passes over the preamble (records before the header line) and the header itself.</summary>
    private async ValueTask SkipToHeaderAsync(CancellationToken cancellationToken)
    {
        while (await _cursor.ReadAsync(cancellationToken))
        {
            if (_cursor.Line >= _detection.Header.Line)
            {
                return;
            }
        }

        throw new InvalidOperationException($"The header found on line {_detection.Header.Line} was not there on the second read.");
    }
}
