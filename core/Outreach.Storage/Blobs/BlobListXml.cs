using System.Globalization;
using System.Xml;
using Azure;

namespace Outreach.Storage.Blobs;

/// <summary>Reads a List Blobs <c>&lt;EnumerationResults&gt;</c> page with a forward-only reader.</summary>
internal static class BlobListXml
{
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true };

    public static (List<BlobItem> Items, string? NextMarker) Read(Stream xml)
    {
        var items = new List<BlobItem>();
        string? nextMarker = null, name = null, etag = null, contentType = null;
        long size = 0;
        var modified = DateTimeOffset.MinValue;
        using var reader = XmlReader.Create(xml, Settings);
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "Blob")
            {
                items.Add(new BlobItem(name!, size, new ETag(etag!), modified, contentType));
                name = etag = contentType = null;
                reader.Read();
                continue;
            }

            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            switch (reader.LocalName)
            {
                case "Name":
                    name = reader.ReadElementContentAsString();
                    break;
                case "Content-Length":
                    size = long.Parse(reader.ReadElementContentAsString(), CultureInfo.InvariantCulture);
                    break;
                case "Etag":
                    etag = reader.ReadElementContentAsString();
                    break;
                case "Last-Modified":
                    modified = DateTimeOffset.ParseExact(reader.ReadElementContentAsString(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                    break;
                case "Content-Type":
                    contentType = reader.ReadElementContentAsString();
                    break;
                case "NextMarker":
                    nextMarker = reader.ReadElementContentAsString();
                    break;
                default:
                    reader.Read();
                    break;
            }
        }

        return (items, string.IsNullOrEmpty(nextMarker) ? null : nextMarker);
    }
}
