using System.Text;
using System.Text.Unicode;

namespace Outreach.Core.Imports;

/// <summary>
/// Hands on the bytes of a file guessed to be UTF-8, with every byte UTF-8 cannot read replaced by the UTF-8 of its
/// Windows-1252 character (<see cref="Windows1252ByteFallback"/>). CsvHelper takes UTF-8 input as it is, without
/// decoding it, and would turn those bytes into U+FFFD. Each read goes straight into the reader's own buffer, at the
/// size it asks for (CsvRecordCursor reads a MiB at a time, so as few thread-pool hops as without this stream), and
/// bytes that are valid UTF-8 (all of a UTF-8 file) are checked in one vectorised pass and left where they are; only a
/// read with a stray byte is decoded and encoded again. A character cut by the end of a read waits for the next one.
/// Read-only and forward-only, like the stream it wraps.
/// </summary>
internal sealed class Windows1252RepairStream(Stream source, Encoding guessedUtf8) : ForwardReadStream
{
    /// <summary>A read smaller than this goes through <see cref="_small"/> (a cut character must fit, with room to spare).</summary>
    private const int SmallRead = 64;

    /// <summary>The longest UTF-8 character less one: what a read's end can cut and carry to the next.</summary>
    private const int MaxCarried = 3;

    private readonly byte[] _carry = new byte[MaxCarried];
    private readonly byte[] _small = new byte[4096];

    /// <summary>Repaired bytes (or a small read's) not handed on yet.</summary>
    private ReadOnlyMemory<byte> _pending;
    private char[] _chars = [];
    private byte[] _repaired = [];
    private int _carried;
    private bool _ended;

    public override int Read(Span<byte> buffer)
    {
        while (true)
        {
            if (!_pending.IsEmpty || _ended || buffer.IsEmpty)
            {
                return Hand(buffer);
            }

            var direct = buffer.Length >= SmallRead;
            var target = direct ? buffer : _small;
            if (Accept(target, source.Read(target[_carried..]), direct) is var inPlace and > 0)
            {
                return inPlace;
            }
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (!_pending.IsEmpty || _ended || buffer.IsEmpty)
            {
                return Hand(buffer.Span);
            }

            var direct = buffer.Length >= SmallRead;
            var target = direct ? buffer : _small;
            var read = await source.ReadAsync(target[_carried..], cancellationToken).ConfigureAwait(false);
            if (Accept(target.Span, read, direct) is var inPlace and > 0)
            {
                return inPlace;
            }
        }
    }

    /// <summary>
    /// Takes a read of <paramref name="read"/> bytes into <paramref name="target"/> after the bytes carried from the last
    /// one (which this puts before them): keeps back a character the end cuts (unless the file ended), and leaves valid
    /// bytes in the caller's buffer (<paramref name="direct"/>: <paramref name="target"/> is it) or makes them pending,
    /// repaired when they are not valid.
    /// </summary>
    /// <returns>How many bytes were left in the caller's buffer; 0 when they are pending, or nothing complete was read yet.</returns>
    private int Accept(Span<byte> target, int read, bool direct)
    {
        _carry.AsSpan(0, _carried).CopyTo(target);
        var total = _carried + read;
        _ended = read == 0;
        var complete = _ended ? total : total - CutCharacterLength(target[..total]);
        target[complete..total].CopyTo(_carry);
        _carried = total - complete;

        var chunk = target[..complete];
        if (Utf8.IsValid(chunk))
        {
            if (direct)
            {
                return complete;
            }

            _pending = _small.AsMemory(0, complete);
            return 0;
        }

        if (_chars.Length < complete)
        {
            _chars = new char[complete];
            _repaired = new byte[complete * 3]; // a Windows-1252 byte is at most three bytes of UTF-8 (€ is E2 82 AC)
        }

        var chars = guessedUtf8.GetChars(chunk, _chars);
        _pending = _repaired.AsMemory(0, Encoding.UTF8.GetBytes(_chars.AsSpan(0, chars), _repaired));
        return 0;
    }

    private int Hand(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _pending.Length);
        _pending.Span[..count].CopyTo(buffer);
        _pending = _pending[count..];
        return count;
    }

    /// <summary>How many bytes at the end of <paramref name="bytes"/> start a UTF-8 character the end cuts (0 to 3).</summary>
    private static int CutCharacterLength(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(MaxCarried, bytes.Length); back++)
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
