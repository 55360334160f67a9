using System.Runtime.CompilerServices;
using Outreach.Core.Contacts;

namespace Outreach.Core.Imports;

/// <summary>
/// One import in progress (from <see cref="ContactImporter.StartAsync"/>): what was detected, the per-row
/// results as a stream, and the report once the stream has been read to its end.
/// </summary>
public sealed class ContactImport : IAsyncDisposable
{
    private readonly ImportDetection? _detection;
    private readonly ReplayStream _stream;
    private readonly ImportOptions _options;
    private readonly IContactDirectory _directory;
    private readonly IContactSink _sink;
    private readonly IProgress<ImportProgress>? _progress;
    private readonly long? _totalBytes;
    private ImportReport? _report;
    private bool _started;

    internal ContactImport(ImportDetection? detection, ReplayStream stream, ImportOptions options, IContactDirectory directory, IContactSink sink, IProgress<ImportProgress>? progress, long? totalBytes)
    {
        _detection = detection;
        _stream = stream;
        _options = options;
        _directory = directory;
        _sink = sink;
        _progress = progress;
        _totalBytes = totalBytes;
        if (detection is null)
        {
            _report = new ImportReport { Message = "The file is empty: there is no header and no row to import.", BytesRead = stream.BytesRead };
        }
    }

    /// <summary>The format being read, or null for an empty file.</summary>
    public ImportFormat? Format => _detection?.Header.Layout.Format;

    /// <summary>The encoding detected, or null for an empty file.</summary>
    public string? Encoding => _detection?.Encoding.Name;

    /// <summary>The separator sniffed from the header, or null for an empty file.</summary>
    public char? Delimiter => _detection?.Header.Delimiter;

    /// <summary>The report; available once <see cref="ReadRowsAsync"/> has been enumerated to the end (at once for an empty file).</summary>
    public ImportReport Report => _report ?? throw new InvalidOperationException("The report is ready once every row has been read.");

    /// <summary>
    /// Reads, validates, de-duplicates and stores the rows, yielding each row's result in file order once the
    /// batch it belongs to has been written to the sink. Can be enumerated once.
    /// </summary>
    public async IAsyncEnumerable<ImportRowResult> ReadRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (_started)
        {
            throw new InvalidOperationException("The rows of an import can be read once.");
        }

        _started = true;
        if (_detection is null)
        {
            yield break;
        }

        var header = _detection.Header;
        var normaliser = new RowNormaliser(header.Layout, _options);
        var deduplicator = new BatchDeduplicator(_options.OwnerId, _directory, _sink);
        var report = new ImportReportBuilder(_options.MaxRejectedRowsInReport);
        var rows = new List<StagedRow>(_options.BatchSize);
        var results = new List<ImportRowResult>(_options.BatchSize);

        await using var cursor = new CsvRecordCursor(_stream, header.Delimiter, _detection.Encoding.Encoding);
        await SkipToHeaderAsync(cursor, header, cancellationToken);
        var more = true;
        while (more)
        {
            rows.Clear();
            while (rows.Count < _options.BatchSize && (more = await cursor.ReadAsync(cancellationToken)))
            {
                if (normaliser.Read(cursor) is { } row)
                {
                    rows.Add(row);
                }
            }

            if (rows.Count == 0)
            {
                break;
            }

            results.Clear();
            await deduplicator.ProcessAsync(rows, results, cancellationToken);
            foreach (var result in results)
            {
                report.Count(result);
                yield return result;
            }

            _progress?.Report(new ImportProgress(report.RowsRead, _stream.BytesRead, _totalBytes));
        }

        _report = report.Build(_detection, normaliser.FormulaLikeCells, _stream.BytesRead);
        _progress?.Report(new ImportProgress(report.RowsRead, _stream.BytesRead, _totalBytes));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _stream.DisposeAsync();

    /// <summary>Passes over the preamble (records before the header line) and the header itself.</summary>
    private static async ValueTask SkipToHeaderAsync(CsvRecordCursor cursor, HeaderMatch header, CancellationToken cancellationToken)
    {
        while (await cursor.ReadAsync(cancellationToken))
        {
            if (cursor.Line >= header.Line)
            {
                return;
            }
        }

        throw new InvalidOperationException($"The header found on line {header.Line} was not there on the second read.");
    }
}
