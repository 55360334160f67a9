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

    /// <summary>The encoding and header detected, or null for an empty file (the redactor re-encodes with it).</summary>
    internal ImportDetection? Detection => _detection;

    /// <summary>The report; available once <see cref="ReadRowsAsync"/> has been enumerated to the end (at once for an empty file).</summary>
    public ImportReport Report => _report ?? throw new InvalidOperationException("The report is ready once every row has been read.");

    /// <summary>
    /// Reads, validates, de-duplicates and stores the rows, yielding each row's result in file order once the
    /// batch it belongs to has been written to the sink. Can be enumerated once.
    /// </summary>
    public async IAsyncEnumerable<ImportRowResult> ReadRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (Begin() is not { } run)
        {
            yield break;
        }

        await using (run)
        {
            while (await run.NextBatchAsync(cancellationToken))
            {
                foreach (var result in run.Results)
                {
                    yield return result;
                }
            }
        }

        _report = run.Report;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _stream.DisposeAsync();

    /// <summary>Runs the import to its end without handing out rows (no per-row enumeration cost).</summary>
    internal async Task<ImportReport> RunToEndAsync(CancellationToken cancellationToken)
    {
        if (Begin() is { } run)
        {
            await using (run)
            {
                while (await run.NextBatchAsync(cancellationToken))
                {
                }
            }

            _report = run.Report;
        }

        return Report;
    }

    private ImportBatchLoop? Begin()
    {
        if (_started)
        {
            throw new InvalidOperationException("The rows of an import can be read once.");
        }

        _started = true;
        return _detection is null ? null : new ImportBatchLoop(_detection, _stream, _options, _directory, _sink, _progress, _totalBytes);
    }
}
