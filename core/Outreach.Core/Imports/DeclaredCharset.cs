using System.Text;

namespace Outreach.Core.Imports;

/// <summary>
/// The text encoding an uploader names for its file (<see cref="ImportOptions.Charset"/>: an HTTP <c>charset</c> such as
/// <c>iso-8859-15</c>, <c>shift_jis</c>, <c>utf-16</c>), for files detection cannot tell: a legacy code page other than
/// Windows-1252, or UTF-16 without a byte order mark. Decoding never throws (as detected encodings do not).
/// </summary>
public static class DeclaredCharset
{
    /// <summary>The encoding <paramref name="name"/> names; a <see cref="DomainException"/> naming <c>charset</c> for a name .NET does not know, or UTF-7.</summary>
    public static Encoding Resolve(string name)
    {
        return Text.Charsets.Find(name) switch
        {
            null or { CodePage: 65000 } => throw new DomainException(
                "import.bad-parameter",
                $"charset '{Shorten(name.Trim())}' is not an encoding this import can read: name the file's own (utf-8, windows-1252, iso-8859-15, " +
                "utf-16, shift_jis...), or leave charset out to have it detected.",
                "charset"),
            // Checked against the file's first 64 KiB (TextEncodingDetector); a stray byte further on is Windows-1252, not U+FFFD.
            { CodePage: 65001 } => Windows1252ByteFallback.Utf8,

            // "utf-16" without a byte order mark is little-endian, as Windows writes it (WHATWG Encoding's label).
            UnicodeEncoding unicode => new UnicodeEncoding(bigEndian: unicode.CodePage == 1201, byteOrderMark: false),
            UTF32Encoding utf32 => new UTF32Encoding(bigEndian: utf32.CodePage == 12001, byteOrderMark: false),
            var encoding => encoding,
        };
    }

    /// <summary>The name the report gives <paramref name="encoding"/> (as detected ones are named: <c>utf-16le</c>, <c>iso-8859-15</c>).</summary>
    internal static string NameOf(Encoding encoding) => encoding.CodePage switch
    {
        1200 => "utf-16le",
        1201 => "utf-16be",
        12000 => "utf-32le",
        12001 => "utf-32be",
        _ => encoding.WebName.ToLowerInvariant(),
    };

    /// <summary>Whether the encoding writes each character in two or four bytes (its text is checked as characters, not bytes).</summary>
    internal static bool IsWide(Encoding encoding) => encoding is UnicodeEncoding or UTF32Encoding;

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
