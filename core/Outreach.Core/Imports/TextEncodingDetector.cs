using System.Text;
using System.Text.Unicode;
using Outreach.Core.Text;

namespace Outreach.Core.Imports;

/// <summary>
/// Decides how to decode an uploaded file from a prefix of it: a byte order mark wins (UTF-8, UTF-16 LE/BE,
/// UTF-32); otherwise UTF-8 when the prefix is valid UTF-8 (a character cut by the end of the sample does not
/// count against it; a byte past the prefix that UTF-8 cannot read is read as Windows-1252), else Windows-1252, the encoding of Excel's "CSV" on western Windows. An encoding the uploader
/// declared (<see cref="DeclaredCharset"/>) replaces that guess, but not a byte order mark; a file declared UTF-8 that is
/// not is refused naming <c>charset</c>, not read with its characters replaced. Files that are not text at all (NUL
/// bytes, many control characters) are refused with <c>import.not-text</c>.
/// </summary>
internal static class TextEncodingDetector
{
    /// <summary>The error code for binary input (the HTTP layer answers 415).</summary>
    public const string NotTextCode = ImportErrorCodes.NotText;

    private static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>The guess for a file whose start is UTF-8: a later byte UTF-8 cannot read is Windows-1252 (<see cref="Windows1252ByteFallback"/>).</summary>
    private static readonly Encoding GuessedUtf8 = Windows1252ByteFallback.Utf8;

    // Through Charsets, as every other charset name is looked up: one place decides where the code pages come from.
    private static readonly Encoding Windows1252 = Charsets.Find("windows-1252")
        ?? throw new InvalidOperationException("Windows-1252 is missing from the code pages .NET provides.");

    /// <summary>Detects the encoding of <paramref name="prefix"/>.</summary>
    /// <param name="prefix">The first bytes of the file (not empty).</param>
    /// <param name="isWholeFile">Whether the prefix is the whole file (so a cut-off character at its end is an error).</param>
    /// <param name="declared">The encoding the uploader named (<see cref="ImportOptions.Charset"/>), or null.</param>
    public static DetectedEncoding Detect(ReadOnlySpan<byte> prefix, bool isWholeFile, Encoding? declared = null)
    {
        if (SpreadsheetFiles.IsLegacyExcel(prefix))
        {
            throw SpreadsheetFiles.Refusal("an Excel 97-2003 workbook (.xls)");
        }

        var detected = FromByteOrderMark(prefix)
            ?? (declared is not null && DeclaredCharset.IsWide(declared) ? new DetectedEncoding(declared, DeclaredCharset.NameOf(declared), 0) : null)
            ?? FromContent(prefix, isWholeFile, declared);
        if (DeclaredCharset.IsWide(detected.Encoding))
        {
            // UTF-16/32 text: look at the characters, since their bytes are full of zeros by design.
            var text = Decode(prefix, detected, isWholeFile);
            RefuseControlCharacters(text);
        }

        return detected;
    }

    /// <summary>The text of <paramref name="prefix"/> after its byte order mark, without a character cut at its end.</summary>
    public static string Decode(ReadOnlySpan<byte> prefix, DetectedEncoding encoding, bool isWholeFile)
    {
        var body = prefix[encoding.PreambleLength..];
        var decoder = encoding.Encoding.GetDecoder();
        var chars = new char[encoding.Encoding.GetMaxCharCount(body.Length)];
        var count = decoder.GetChars(body, chars, flush: isWholeFile);
        return new string(chars, 0, count);
    }

    /// <summary>The encoding a byte order mark at the start of <paramref name="prefix"/> names, or null when there is none.</summary>
    public static DetectedEncoding? FromByteOrderMark(ReadOnlySpan<byte> prefix)
    {
        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new DetectedEncoding(Utf8NoBom, "utf-8-bom", 3);
        }

        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return new DetectedEncoding(new UTF32Encoding(bigEndian: false, byteOrderMark: false), "utf-32le", 4);
        }

        if (prefix.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return new DetectedEncoding(new UTF32Encoding(bigEndian: true, byteOrderMark: false), "utf-32be", 4);
        }

        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new DetectedEncoding(new UnicodeEncoding(bigEndian: false, byteOrderMark: false), "utf-16le", 2);
        }

        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new DetectedEncoding(new UnicodeEncoding(bigEndian: true, byteOrderMark: false), "utf-16be", 2);
        }

        return null;
    }

    private static DetectedEncoding FromContent(ReadOnlySpan<byte> prefix, bool isWholeFile, Encoding? declared)
    {
        var controls = 0;
        foreach (var b in prefix)
        {
            if (b == 0)
            {
                throw NotText("it contains NUL bytes");
            }

            if ((b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not (byte)'\f') || b == 0x7F)
            {
                controls++;
            }
        }

        if (controls * 100 > prefix.Length)
        {
            throw NotText("more than 1% of its first bytes are control characters");
        }

        var complete = isWholeFile ? prefix : WithoutCutCharacter(prefix);
        var isUtf8 = Utf8.IsValid(complete);
        if (declared is { CodePage: 65001 } && !isUtf8)
        {
            throw new DomainException(
                "import.bad-parameter",
                "charset says utf-8, but the file is not UTF-8 text (its first bytes hold sequences UTF-8 has no character for): " +
                "name the file's own charset (windows-1252, iso-8859-15...), or leave charset out to have it detected.",
                "charset");
        }

        if (declared is not null)
        {
            return new DetectedEncoding(declared, DeclaredCharset.NameOf(declared), 0);
        }

        return isUtf8
            ? new DetectedEncoding(GuessedUtf8, "utf-8", 0)
            : new DetectedEncoding(Windows1252, "windows-1252", 0);
    }

    /// <summary>Drops a UTF-8 sequence that the end of the sample cut in two (at most 3 bytes).</summary>
    private static ReadOnlySpan<byte> WithoutCutCharacter(ReadOnlySpan<byte> prefix)
    {
        for (var back = 1; back <= Math.Min(4, prefix.Length); back++)
        {
            var b = prefix[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue; // a continuation byte: keep looking for the lead byte
            }

            var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? prefix[..^back] : prefix;
        }

        return prefix;
    }

    private static void RefuseControlCharacters(string text)
    {
        var controls = 0;
        foreach (var c in text)
        {
            if (c == '\0')
            {
                throw NotText("it contains NUL characters");
            }

            if ((c < ' ' && c is not '\t' and not '\n' and not '\r' and not '\f') || c == '\x7F')
            {
                controls++;
            }
        }

        if (controls * 100 > text.Length)
        {
            throw NotText("more than 1% of its first characters are control characters");
        }
    }

    private static DomainException NotText(string why) =>
        new(NotTextCode, $"The file is not a text (CSV) file: {why}. Export the contacts as CSV and upload that.", "file");
}
