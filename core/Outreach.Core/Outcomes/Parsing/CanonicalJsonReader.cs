using System.Globalization;
using System.Text.Json;

namespace Outreach.Core.Outcomes;

/// <summary>Reads Outreach's canonical inbound JSON (documented in <c>Outcomes/README.md</c>).</summary>
internal static class CanonicalJsonReader
{
    public static InboundMessageBuilder Read(JsonElement root, InboundLimits limits)
    {
        var builder = new InboundMessageBuilder(ReadHeaders(root, limits), limits)
        {
            From = JsonFields.String(root, "from"),
            To = JsonFields.StringOrList(root, "to", ", "),
            Cc = JsonFields.StringOrList(root, "cc", ", "),
            Subject = JsonFields.String(root, "subject"),
            MessageId = JsonFields.String(root, "messageId"),
            InReplyTo = JsonFields.String(root, "inReplyTo"),
            References = JsonFields.StringOrList(root, "references", " "),
            Text = JsonFields.String(root, "text"),
            StrippedText = JsonFields.String(root, "strippedText"),
            Html = JsonFields.String(root, "html"),
            Date = JsonFields.String(root, "date"),
            ReceivedAt = ReceivedAt(JsonFields.String(root, "receivedAt")),
        };
        return builder;
    }

    private static DateTimeOffset? ReceivedAt(string? value)
    {
        if (value is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : throw JsonFields.WrongType("receivedAt", "an ISO 8601 date and time");
    }

    // headers: a raw header block string, or an object of name -> value (or array of values).
    private static MailHeaders ReadHeaders(JsonElement root, InboundLimits limits)
    {
        if (!root.TryGetProperty("headers", out var headers) || headers.ValueKind == JsonValueKind.Null)
        {
            return MailHeaders.Empty;
        }

        if (headers.ValueKind == JsonValueKind.String)
        {
            return HeaderBlockParser.Parse(headers.GetString(), limits);
        }

        if (headers.ValueKind != JsonValueKind.Object)
        {
            throw JsonFields.WrongType("headers", "a raw header block or an object of header names to values");
        }

        var fields = new List<MailHeader>();
        foreach (var property in headers.EnumerateObject())
        {
            var values = property.Value.ValueKind switch
            {
                JsonValueKind.String => [property.Value.GetString()!],
                JsonValueKind.Array => property.Value.EnumerateArray()
                    .Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : throw JsonFields.WrongType("headers", "strings or arrays of strings"))
                    .ToArray(),
                _ => throw JsonFields.WrongType("headers", "strings or arrays of strings"),
            };
            fields.AddRange(values.Select(v => new MailHeader(property.Name, v)));
            InboundLimits.EnsureWithin(fields.Count, limits.MaxHeaderCount, "headers", "header fields");
        }

        return new MailHeaders(fields);
    }
}
