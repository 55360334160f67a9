using System.Text;

namespace Outreach.Core.Imports;

/// <summary>
/// Decodes each byte that is not UTF-8 as Windows-1252, for a file guessed to be UTF-8 from its start. The guess looks at
/// the first 64 KiB only, and a Windows-1252 file (Excel's or Outlook's "CSV") whose first accented name comes later
/// (a long export of mostly unaccented names) starts as valid UTF-8 as well: its <c>é</c> (0xE9 alone) is no UTF-8, and
/// was read as U+FFFD, so "José" was stored, and greeted, as "Jos\uFFFD". A stray Windows-1252 byte before ASCII is never
/// valid UTF-8, so real UTF-8 text reads as before and only what UTF-8 cannot read takes this way.
/// </summary>
internal sealed class Windows1252ByteFallback : DecoderFallback
{
    /// <summary>The fallback, shared (it keeps no state; its buffers do).</summary>
    public static readonly Windows1252ByteFallback Instance = new();

    /// <summary>UTF-8 (no byte order mark written) that reads a byte UTF-8 cannot as Windows-1252.</summary>
    public static readonly Encoding Utf8 = Utf8WithThisFallback();

    private static readonly Encoding Windows1252 = Text.Charsets.Find("windows-1252")
        ?? throw new InvalidOperationException("Windows-1252 is missing from the code pages .NET provides.");

    private static Encoding Utf8WithThisFallback()
    {
        var encoding = (Encoding)new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).Clone();
        encoding.DecoderFallback = Instance;
        return encoding;
    }

    /// <summary>UTF-8 reports an invalid sequence of at most three bytes, each one character here.</summary>
    public override int MaxCharCount => 3;

    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer();

    private sealed class Buffer : DecoderFallbackBuffer
    {
        private readonly char[] _chars = new char[4];
        private int _count;
        private int _next;

        public override int Remaining => _count - _next;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            ArgumentNullException.ThrowIfNull(bytesUnknown);
            _count = Windows1252.GetChars(bytesUnknown, 0, Math.Min(bytesUnknown.Length, _chars.Length), _chars, 0);
            _next = 0;
            return _count > 0;
        }

        public override char GetNextChar() => _next < _count ? _chars[_next++] : '\0';

        public override bool MovePrevious()
        {
            if (_next == 0)
            {
                return false;
            }

            _next--;
            return true;
        }

        public override void Reset()
        {
            _count = 0;
            _next = 0;
        }
    }
}
