using System.Text;

namespace Outreach.Core.Tests.Imports;

/// <summary>Builds fixture files as the programs that write them do (BOMs, UTF-16, Excel's Windows-1252).</summary>
internal static class CsvBytes
{
    public static byte[] Utf8(string text, bool bom) =>
        [.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(text)];

    public static byte[] Utf16LittleEndian(string text) => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)];

    public static byte[] Utf16BigEndian(string text) => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)];

    public static byte[] Windows1252(string text) => CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text);
}
