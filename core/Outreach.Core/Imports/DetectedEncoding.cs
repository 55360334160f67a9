using System.Text;

namespace Outreach.Core.Imports;

/// <summary>The text encoding an import settled on, and how many bytes of byte order mark precede the text.</summary>
/// <param name="Encoding">The encoding to decode with.</param>
/// <param name="Name">A short name for the report (<c>utf-8-bom</c>, <c>utf-8</c>, <c>utf-16le</c>, <c>utf-16be</c>, <c>windows-1252</c>...).</param>
/// <param name="PreambleLength">Bytes of byte order mark.</param>
internal sealed record DetectedEncoding(Encoding Encoding, string Name, int PreambleLength)
{
    /// <summary>
    /// Whether this is the UTF-8 guessed from the file's start, which reads a later byte UTF-8 cannot as Windows-1252: its
    /// bytes go to CsvHelper (which takes UTF-8 as it is) through a <see cref="Windows1252RepairStream"/>.
    /// </summary>
    public bool ReadsStrayBytesAsWindows1252 => Encoding.DecoderFallback is Windows1252ByteFallback;

    /// <summary>The bytes of <paramref name="stream"/> (after the preamble) as CsvHelper is to read them with <see cref="Encoding"/>.</summary>
    public Stream ForCsvReader(Stream stream) => ReadsStrayBytesAsWindows1252 ? new Windows1252RepairStream(stream, Encoding) : stream;
}
