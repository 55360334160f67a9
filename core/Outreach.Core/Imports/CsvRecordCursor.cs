using System.Buffers;
using System.Text;
using CsvHelper;

namespace Outreach.Core.Imports;

/// <summary>
/// Reads the records of the file through CsvHelper with physical line numbers, and contains broken quoting.
/// CsvHelper (RFC 4180) lets a quoted field that is never closed run to the end of the file, and a stray
/// opening quote pair up with a quote lines later. The cursor flags such a record (an unterminated quote, or
/// text after a closing quote) and, when it spans several lines, reads the lines after its first one again as
/// records of their own before going on, so one stray quote costs one row, not the rest of the file.
/// </summary>
internal sealed class CsvRecordCursor : IAsyncDisposable
{
    /// <summary>The largest record buffered: past it an unclosed quote ends the import instead of eating memory.</summary>
    public const int MaxRecordBytes = 16 * 1024 * 1024;

    /// <summary>
    /// CsvHelper's read buffer: a MiB instead of its default 64 KiB. An asynchronous read of a file (or a network
    /// stream) mostly completes on another thread-pool thread, and every such hop costs waking that thread and the
    /// spinning of the one left idle. With 64 KiB reads that was about a quarter of an import's CPU time; sixteen times
    /// fewer reads make it negligible, for a MiB of memory.
    /// </summary>
    private const int ReadBufferBytes = 1 << 20;

    private readonly CsvReaderOptions _options;

    /// <summary>The separator as CsvHelper's UTF-8 holds it, when that is one byte (null for one beyond ASCII).</summary>
    private readonly byte? _separator;

    /// <summary>
    /// The bytes no blank record holds: ASCII but for white space, the separator and the quote (null for a separator
    /// beyond ASCII: every record may be blank). A byte beyond ASCII may be part of white space (a no-break space).
    /// </summary>
    private readonly SearchValues<byte>? _contentBytes;
    private readonly Stack<Frame> _suspended = new();
    private Frame _frame;
    private Frame? _next;

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
            BufferSize = ReadBufferBytes,
        };
        _frame = new Frame(_options, reader => CsvReader.Create(input, reader, leaveOpen: true), lineOffset: 0);
        _separator = char.IsAscii(delimiter) ? (byte)delimiter : null;
        _contentBytes = char.IsAscii(delimiter)
            ? SearchValues.Create([.. Enumerable.Range(0, 0x80).Select(b => (byte)b).Where(b => b != delimiter && b != '"' && !char.IsWhiteSpace((char)b))])
            : null;
    }

    /// <summary>The physical line the current record starts on.</summary>
    public int Line => (int)_frame.Reader.LineNumber + _frame.LineOffset;

    /// <summary>Why the current record's quoting is broken (its fields are not to be trusted), or null.</summary>
    public string? QuotingProblem { get; private set; }

    public int FieldCount => _frame.Reader.FieldCount;

    public string GetString(int index) => _frame.Reader.GetString(index);

    public bool IsEmpty(int index) => _frame.Reader.IsEmpty(index);

    public ReadOnlySpan<byte> GetSpan(int index) => _frame.Reader.GetSpan(index);

    /// <summary>
    /// Whether no cell of the current record needs whitespace cleaning beyond trimming its edges: its text (as CsvHelper
    /// holds it, UTF-8) has no control character (tab and line breaks included), no double space and none of the
    /// lead bytes of non-ASCII white space. Checked once per record (vectorised) instead of once per cell; a record
    /// that fails it is cleaned cell by cell as before.
    /// </summary>
    public bool IsPlainRecord
    {
        get
        {
            var raw = _frame.Reader.RawRecord;
            return raw.IndexOfAny(NotPlainBytes) < 0 && raw.IndexOf("  "u8) < 0;
        }
    }

    /// <summary>
    /// ASCII controls and DEL, and the UTF-8 lead bytes of every non-ASCII white space (U+0085 and U+00A0: C2;
    /// U+1680: E1; U+2000 to U+205F: E2; U+3000: E3), whatever follows them.
    /// </summary>
    private static readonly SearchValues<byte> NotPlainBytes = SearchValues.Create(
        [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
         0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F,
         0x7F, 0xC2, 0xE1, 0xE2, 0xE3]);

    /// <summary>
    /// Whether the current record could be blank: its text (as CsvHelper holds it) has no ASCII byte but separators,
    /// quotes and white space. Any other ASCII byte is part of some cell's value, so a record with one is not blank; one
    /// vectorised scan instead of a look at every cell.
    /// </summary>
    public bool MayBeBlank => _contentBytes is null || _frame.Reader.RawRecord.IndexOfAny(_contentBytes) < 0;

    /// <summary>Whether cell <paramref name="index"/> is empty or white space only (a tab, a no-break space), as a blank row's cells are.</summary>
    public bool IsBlankCell(int index)
    {
        var cell = _frame.Reader.GetSpan(index);
        return cell.Trim((byte)' ').IsEmpty || string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(cell));
    }

    /// <summary>The current record as written in the file (for one with broken quoting, its first line only).</summary>
    public string RawText()
    {
        var raw = _frame.Reader.RawRecord;
        if (QuotingProblem is not null && raw.IndexOfAny((byte)'\n', (byte)'\r') is var end and >= 0)
        {
            raw = raw[..end];
        }

        return Encoding.UTF8.GetString(raw);
    }

    public ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        // Fast path: the record is already buffered and needs no special handling (almost every record).
        if (_next is null)
        {
            ValueTask<bool> read;
            try
            {
                read = _frame.Reader.ReadAsync(cancellationToken);
            }
            catch (CsvFormatException e)
            {
                throw TooLarge(e);
            }

            if (read.IsCompletedSuccessfully)
            {
                // At the end of this reader, ReadSlowAsync resumes a suspended one (reading this one again gives false).
                return read.Result ? ValueTask.FromResult(Classify()) : ReadSlowAsync(cancellationToken);
            }

            return ContinueAsync(read, cancellationToken);
        }

        return ReadSlowAsync(cancellationToken);
    }

    private async ValueTask<bool> ContinueAsync(ValueTask<bool> pending, CancellationToken cancellationToken)
    {
        bool read;
        try
        {
            read = await pending;
        }
        catch (CsvFormatException e)
        {
            throw TooLarge(e);
        }

        return read ? Classify() : await ReadSlowAsync(cancellationToken);
    }

    private bool Classify()
    {
        QuotingProblem = _frame.MalformedRecord == _frame.Reader.RowNumber ? Describe(ActualProblem(_frame.MalformedReason)) : null;
        if (QuotingProblem is not null)
        {
            _next = TailOfCurrentRecord();
        }

        return true;
    }

    private async ValueTask<bool> ReadSlowAsync(CancellationToken cancellationToken)
    {
        if (_next is not null)
        {
            _suspended.Push(_frame);
            _frame = _next;
            _next = null;
        }

        while (true)
        {
            if (await ReadFrameAsync(cancellationToken))
            {
                return Classify();
            }

            if (!_suspended.TryPop(out var resumed))
            {
                return false;
            }

            await _frame.Reader.DisposeAsync();
            _frame = resumed;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _frame.Reader.DisposeAsync();
        while (_suspended.TryPop(out var frame))
        {
            await frame.Reader.DisposeAsync();
        }
    }

    /// <summary>
    /// The record's quoting problem. CsvHelper reports one per record, the first it meets: after a stray quote inside
    /// an unquoted field (5'6" tall, which is ordinary text) it says nothing of a quoted field later in the record that
    /// is never closed, and that field runs on over the lines after it. So a record with a stray quote is scanned for it.
    /// </summary>
    private CsvMalformedReason? ActualProblem(CsvMalformedReason reported) =>
        reported == CsvMalformedReason.StrayQuote ? (_separator is { } separator ? QuotingProblemOf(_frame.Reader.RawRecord, separator) : null) : reported;

    /// <summary>
    /// Reads <paramref name="raw"/>'s quoting as CsvHelper does (a quote opens a quoted field only as its first character;
    /// inside one, a doubled quote is a quote and a single one closes it; any other quote is text): an unterminated
    /// quote, text after a closing quote, or null when the quoting holds together.
    /// </summary>
    internal static CsvMalformedReason? QuotingProblemOf(ReadOnlySpan<byte> raw, byte separator)
    {
        var (atFieldStart, quoted, closed) = (true, false, false);
        for (var i = 0; i < raw.Length; i++)
        {
            var b = raw[i];
            if (quoted)
            {
                if (b == '"' && i + 1 < raw.Length && raw[i + 1] == '"')
                {
                    i++;
                }
                else if (b == '"')
                {
                    (quoted, closed) = (false, true);
                }
            }
            else if (b == separator)
            {
                (atFieldStart, closed) = (true, false);
            }
            else if (closed && b is not ((byte)'\r' or (byte)'\n'))
            {
                return CsvMalformedReason.TextAfterClosingQuote;
            }
            else
            {
                quoted = b == '"' && atFieldStart;
                atFieldStart = false;
            }
        }

        return quoted ? CsvMalformedReason.UnterminatedQuote : null;
    }

    private static string? Describe(CsvMalformedReason? reason) => reason switch
    {
        CsvMalformedReason.UnterminatedQuote => "opens a quoted field that is never closed; the lines after it were read as rows of their own",
        CsvMalformedReason.TextAfterClosingQuote => "has text after the closing quote of a field (a quote is missing or not doubled); any lines it swallowed were read as rows of their own",
        _ => null, // a stray quote inside an unquoted field (5'6" tall) is ordinary text
    };

    private async ValueTask<bool> ReadFrameAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _frame.Reader.ReadAsync(cancellationToken);
        }
        catch (CsvFormatException e)
        {
            throw TooLarge(e);
        }
    }

    /// <summary>The line a record longer than <see cref="MaxRecordBytes"/> starts on, once reading met one (and threw), else null.</summary>
    public int? TooLargeAtLine { get; private set; }

    /// <summary>Only a record longer than <see cref="MaxRecordBytes"/> throws (malformed quoting is recovered from).</summary>
    private DomainException TooLarge(CsvFormatException e)
    {
        var line = (int)e.LineNumber + _frame.LineOffset;
        TooLargeAtLine = line;
        return new DomainException(
            "import.record-too-large",
            $"The row starting on line {line} is longer than {MaxRecordBytes / (1024 * 1024)} MiB; " +
            "most likely a quote in it is never closed. Fix that quote and upload the file again.",
            $"line {line}");
    }

    /// <summary>A reader over the lines after the first of the current record, or null when it has one line.</summary>
    private Frame? TailOfCurrentRecord()
    {
        var raw = _frame.Reader.RawRecord;
        var end = raw.IndexOfAny((byte)'\n', (byte)'\r');
        if (end < 0)
        {
            return null;
        }

        var next = end + (raw[end] == '\r' && end + 1 < raw.Length && raw[end + 1] == '\n' ? 2 : 1);
        var tail = raw[next..].ToArray();

        // The tail is CsvHelper's UTF-8 already, whatever the file's encoding.
        return new Frame(_options with { Encoding = null }, options => CsvReader.Create(tail, options), Line);
    }

    /// <summary>One reader (the file, or the re-read tail of a broken record) and what it reported malformed.</summary>
    private sealed class Frame
    {
        public Frame(CsvReaderOptions options, Func<CsvReaderOptions, CsvReader> create, int lineOffset)
        {
            LineOffset = lineOffset;
            Reader = create(options with { OnMalformedRecord = OnMalformed });
        }

        public CsvReader Reader { get; }

        public int LineOffset { get; }

        public long MalformedRecord { get; private set; } = -1;

        public CsvMalformedReason MalformedReason { get; private set; }

        private void OnMalformed(CsvMalformedRecord record)
        {
            // A stray quote is ordinary text, unless it hides a problem after it (ActualProblem looks).
            if (record.Reason is CsvMalformedReason.UnterminatedQuote or CsvMalformedReason.TextAfterClosingQuote or CsvMalformedReason.StrayQuote)
            {
                MalformedRecord = record.RecordNumber;
                MalformedReason = record.Reason;
            }
        }
    }
}
