using System.Globalization;
using System.Xml;

namespace Outreach.Storage.Queues;

/// <summary>Reads <c>&lt;QueueMessagesList&gt;</c> responses (put, get, peek) with a forward-only reader.</summary>
internal static class QueueMessageXml
{
    internal sealed class Entry
    {
        public string MessageId { get; set; } = string.Empty;

        public string PopReceipt { get; set; } = string.Empty;

        public string Text { get; set; } = string.Empty;

        public long DequeueCount { get; set; }

        public DateTimeOffset InsertionTime { get; set; }

        public DateTimeOffset ExpirationTime { get; set; }

        public DateTimeOffset NextVisibleTime { get; set; }
    }

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        IgnoreWhitespace = true,
        Async = false,
    };

    public static List<Entry> Read(Stream xml)
    {
        var entries = new List<Entry>();
        using var reader = XmlReader.Create(xml, Settings);
        Entry? current = null;
        reader.Read();
        while (!reader.EOF)
        {
            // ReadElementContentAsString already moves to the next node; only other nodes need an explicit Read.
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            switch (reader.LocalName)
            {
                case "QueueMessage":
                    entries.Add(current = new Entry());
                    reader.Read();
                    break;
                case "MessageId" when current is not null:
                    current.MessageId = reader.ReadElementContentAsString();
                    break;
                case "PopReceipt" when current is not null:
                    current.PopReceipt = reader.ReadElementContentAsString();
                    break;
                case "MessageText" when current is not null:
                    current.Text = reader.ReadElementContentAsString();
                    break;
                case "DequeueCount" when current is not null:
                    current.DequeueCount = long.Parse(reader.ReadElementContentAsString(), CultureInfo.InvariantCulture);
                    break;
                case "InsertionTime" when current is not null:
                    current.InsertionTime = ParseDate(reader.ReadElementContentAsString());
                    break;
                case "ExpirationTime" when current is not null:
                    current.ExpirationTime = ParseDate(reader.ReadElementContentAsString());
                    break;
                case "TimeNextVisible" when current is not null:
                    current.NextVisibleTime = ParseDate(reader.ReadElementContentAsString());
                    break;
                default:
                    reader.Read();
                    break;
            }
        }

        return entries;
    }

    public static DateTimeOffset ParseDate(string rfc1123) =>
        DateTimeOffset.ParseExact(rfc1123, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
