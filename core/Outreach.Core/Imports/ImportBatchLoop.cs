using Outreach.Core.Contacts;

namespace Outreach.Core.Imports;

/// <summary>
/// The reading loop of one import, a batch at a time: read up to a batch of rows, validate and normalise
/// them, de-duplicate and write them, report progress. Memory is one batch plus the de-duplication index.
/// </summary>
internal sealed class ImportBatchLoop : IAsyncDisposable
{
    private readonly ImportDetection _detection;
    private readonly ReplayStream _stream;
    private readonly ImportOptions _options;
    private readonly IProgress<ImportProgress>? _progress;
    private readonly long? _totalBytes;
    private readonly RowNormaliser _normaliser;
    private readonly BatchDeduplicator _deduplicator;
    private readonly ImportReportBuilder _report;
    private readonly CsvRecordCursor _cursor;
    private readonly List<StagedRow> _rows;
    private readonly List<ImportRowResult> _results;
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
        _deduplicator = new BatchDeduplicator(options.OwnerId, directory, sink);
        _report = new ImportReportBuilder(options.MaxRejectedRowsInReport);
        _cursor = new CsvRecordCursor(stream, detection.Header.Delimiter, detection.Encoding.Encoding);
        _rows = new List<StagedRow>(options.BatchSize);
        _results = new List<ImportRowResult>(options.BatchSize);
    }

    /// <summary>The results of the last batch, in file order.</summary>
    public IReadOnlyList<ImportRowResult> Results => _results;

    public ImportReport Report => _report.Build(_detection, _normaliser.FormulaLikeCells, _stream.BytesRead);

    /// <summary>Processes the next batch; false when the file has no more rows.</summary>
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

        _rows.Clear();
        while (_rows.Count < _options.BatchSize)
        {
            if (!await _cursor.ReadAsync(cancellationToken))
            {
                _ended = true;
                break;
            }

            if (_normaliser.Read(_cursor) is { } row)
            {
                _rows.Add(row);
            }
        }

        if (_rows.Count > 0)
        {
            await _deduplicator.ProcessAsync(_rows, _results, cancellationToken);
            foreach (var result in _results)
            {
                _report.Count(result);
            }
        }

        _progress?.Report(new ImportProgress(_report.RowsRead, _stream.BytesRead, _totalBytes));
        return _rows.Count > 0;
    }

    public ValueTask DisposeAsync() => _cursor.DisposeAsync();

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
