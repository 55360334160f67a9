using System.IO.Compression;
using System.Text;

namespace Outreach.Testing.Files;

/// <summary>A ZIP archive in memory, for upload tests (LinkedIn's export, an archive without a CSV, an .ods).</summary>
public static class ZipBytes
{
    /// <summary>An archive of the entries in order; null content makes a folder entry (its name should end in <c>/</c>).</summary>
    public static byte[] Create(params (string Name, string? Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                if (text is not null)
                {
                    using var content = entry.Open();
                    content.Write(new UTF8Encoding(false).GetBytes(text));
                }
            }
        }

        return buffer.ToArray();
    }
}
