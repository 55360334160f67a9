using System.Text;

namespace Outreach.Core.Imports;

/// <summary>The text encoding an import settled on, and how many bytes of byte order mark precede the text.</summary>
/// <param name="Encoding">The encoding to decode with.</param>
/// <param name="Name">A short name for the report (<c>utf-8-bom</c>, <c>utf-8</c>, <c>utf-16le</c>, <c>utf-16be</c>, <c>windows-1252</c>...).</param>
/// <param name="PreambleLength">Bytes of byte order mark.</param>
internal sealed record DetectedEncoding(Encoding Encoding, string Name, int PreambleLength);
