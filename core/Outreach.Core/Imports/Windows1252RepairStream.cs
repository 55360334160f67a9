using System.Text;
using System.Text.Unicode;

namespace Outreach.Core.Imports;

/// <summary>
/// Hands on the bytes of a file guessed to be UTF-8, with every byte UTF-8 cannot read replaced by the UTF-8 of its
/// Windows-1252 character (<see cref="Windows1252ByteFallback"/>). CsvHelper takes UTF-8 input as it is, without
/// decoding it, and would turn those bytes into U+FFFD. A chunk that is valid UTF-8 (every chunk of a UTF-8 file) is
/// checked in one vectorised pass and passed on unchanged; only a chunk with a stray byte is decoded and encoded again.
/// A character cut by the end of a chunk waits for the next one. Read-only and forward-only, like the stream it wraps.
/// </summary>
internal sealed class Windows1252RepairStream(Stream source, Encoding guessedUtf8) : Stream
{
    private const int ChunkBytes = 1 << 16;

    private readonly byte[] _input = new byte[ChunkBytes];
    private readonly char[] _chars = new char[ChunkBytes];

    /// <summary>A Windows-1252 byte becomes up to three bytes of UTF-8 (€ is E2 82 AC).</summary>
    private readonly byte[] _output = new byte[ChunkBytes * 3];
    private ReadOnlyMemory<byte> _pending;

    /// <summary>Bytes at the start of <see cref="_input"/> kept from the last read: a character it cut.</summary>
    private int _carried;
    private bool _ended;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_pending.IsEmpty && !_ended)
        {
            Fill(source.Read(_input.AsSpan(_carried)));
        }

        return Hand(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_pending.IsEmpty && !_ended)
        {
            Fill(await source.ReadAsync(_input.AsMemory(_carried), cancellationToken).ConfigureAwait(false));
        }

        return Hand(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Hand(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _pending.Length);
        _pending.Span[..count].CopyTo(buffer);
        _pending = _pending[count..];
        return count;
    }

    /// <summary>Makes the bytes read (after those carried) pending: as they are when valid, else repaired.</summary>
    private void Fill(int read)
    {
        var total = _carried + read;
        _ended = read == 0;
        var complete = _ended ? total : total - CutCharacterLength(_input.AsSpan(0, total));
        var chunk = _input.AsSpan(0, complete);
        int length;
        if (Utf8.IsValid(chunk))
        {
            chunk.CopyTo(_output);
            length = complete;
        }
        else
        {
            var chars = guessedUtf8.GetChars(chunk, _chars);
            length = Encoding.UTF8.GetBytes(_chars.AsSpan(0, chars), _output);
        }

        _pending = _output.AsMemory(0, length);
        _input.AsSpan(complete, total - complete).CopyTo(_input);
        _carried = total - complete;
    }

    /// <summary>How many bytes at the end of <paramref name="bytes"/> start a UTF-8 character the end cuts (0 to 3).</summary>
    private static int CutCharacterLength(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue; // a continuation byte: its lead byte is further back
            }

            var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? back : 0;
        }

        return 0;
    }
}
