using System.Text;
using CsvHelper;

namespace Outreach.Core.Imports;

/// <summary>
/// Reads the records of the file through CsvHelper with physical line numbers, and recovers from an unclosed
/// quote: CsvHelper (RFC 4180) lets such a field run to the end of the file, so the cursor reports that record
/// as unterminated and then reads the lines after its first one again as records of their own, so one stray
/// quote costs one row, not the rest of the file.
/// </summary>
internal sealed class CsvRecordCursor : IAsyncDisposable
{
    /// <summary>The largest record buffered: past it an unclosed quote ends the import instead of eating memory.</summary>
    public const int MaxRecordBytes = 16 * 1024 * 1024;

    private readonly CsvReaderOptions _options;
    private CsvReader _reader;
    private int _lineOffset;
    private long _unterminatedRecord = -1;
    private byte[]? _tail;
    private int _tailFirstLine;

    public CsvRecordCursor(Stream input, char delimiter, Encoding encoding)
    {
        _options = CsvReaderOptions.Default with
        {
            HasHeader = false,
            Separator = delimiter,
            Encoding = encoding,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            TrimWhitespace = false,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            MaxRecordSize = MaxRecordBytes,
            IncludeValuesInExceptions = false,
            OnMalformedRecord = OnMalformed,
        };
        _reader = CsvReader.Create(input, _options, leaveOpen: true);
    }

    /// <summary>The physical line the current record starts on.</summary>
    public int Line => (int)_reader.LineNumber + _lineOffset;

    /// <summary>Whether the current record opens a quote it never closes (its fields are not to be trusted).</summary>
    public bool IsUnterminated { get; private set; }

    public int FieldCount => _reader.FieldCount;

    public string GetString(int index) => _reader.GetString(index);

    public bool IsEmpty(int index) => _reader.IsEmpty(index);

    public ReadOnlySpan<byte> GetSpan(int index) => _reader.GetSpan(index);

    /// <summary>The current record as written in the file (for an unterminated one, its first line only).</summary>
    public string RawText()
    {
        var raw = _reader.RawRecord;
        if (IsUnterminated && raw.IndexOfAny((byte)'\n', (byte)'\r') is var end and >= 0)
        {
            raw = raw[..end];
        }

        return Encoding.UTF8.GetString(raw);
    }

    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            bool read;
            try
            {
                read = await _reader.ReadAsync(cancellationToken);
            }
            catch (CsvFormatException e)
            {
                // Only a record longer than MaxRecordBytes gets here (malformed quoting is recovered from).
                throw new DomainException(
                    "import.record-too-large",
                    $"The row starting on line {e.LineNumber + _lineOffset} is longer than {MaxRecordBytes / (1024 * 1024)} MiB; " +
                    "most likely a quote in it is never closed. Fix that quote and upload the file again.",
                    $"line {e.LineNumber + _lineOffset}");
            }

            if (read)
            {
                IsUnterminated = _reader.RowNumber == _unterminatedRecord;
                if (IsUnterminated)
                {
                    KeepTail();
                }

                return true;
            }

            if (_tail is null)
            {
                return false;
            }

            // Read the lines the unclosed quote swallowed as records of their own.
            await _reader.DisposeAsync();
            _reader = CsvReader.Create(_tail, _options with { Encoding = null }); // the tail is CsvHelper's UTF-8 already
            _lineOffset = _tailFirstLine - 1;
            _unterminatedRecord = -1;
            _tail = null;
        }
    }

    public ValueTask DisposeAsync() => _reader.DisposeAsync();

    private void OnMalformed(CsvMalformedRecord record)
    {
        if (record.Reason == CsvMalformedReason.UnterminatedQuote)
        {
            _unterminatedRecord = record.RecordNumber;
        }
    }

    private void KeepTail()
    {
        var raw = _reader.RawRecord;
        var end = raw.IndexOfAny((byte)'\n', (byte)'\r');
        if (end < 0)
        {
            return;
        }

        var next = end + (raw[end] == '\r' && end + 1 < raw.Length && raw[end + 1] == '\n' ? 2 : 1);
        _tail = raw[next..].ToArray();
        _tailFirstLine = Line + 1;
    }
}
