using System.Globalization;
using System.Text.Json;

namespace Outreach.Core.Outcomes;

/// <summary>
/// Reads a Mailgun route's forwarded post: named fields (<c>From</c>, <c>To</c>, <c>subject</c>,
/// <c>Message-Id</c>, <c>In-Reply-To</c>, <c>References</c>, <c>body-plain</c>, <c>stripped-text</c>,
/// <c>body-html</c>, <c>recipient</c>, <c>timestamp</c>) and <c>message-headers</c>, a JSON array of
/// <c>[name, value]</c> pairs.
/// </summary>
internal static class MailgunFormReader
{
    /// <param name="fields">The form fields, looked up case-insensitively.</param>
    /// <param name="limits">Size bounds.</param>
    public static InboundMessageBuilder Read(IReadOnlyDictionary<string, string> fields, InboundLimits limits)
    {
        var builder = new InboundMessageBuilder(ReadHeaders(fields.GetValueOrDefault("message-headers"), limits), limits)
        {
            From = fields.GetValueOrDefault("From"),
            To = fields.GetValueOrDefault("To"),
            Cc = fields.GetValueOrDefault("Cc"),
            Subject = fields.GetValueOrDefault("subject"),
            MessageId = fields.GetValueOrDefault("Message-Id"),
            InReplyTo = fields.GetValueOrDefault("In-Reply-To"),
            References = fields.GetValueOrDefault("References"),
            Text = fields.GetValueOrDefault("body-plain"),
            StrippedText = fields.GetValueOrDefault("stripped-text"),
            Html = fields.GetValueOrDefault("body-html"),
            Date = fields.GetValueOrDefault("Date"),
            ReceivedAt = Timestamp(fields.GetValueOrDefault("timestamp")),
        };
        if (fields.GetValueOrDefault("recipient") is { Length: > 0 } recipient)
        {
            builder.Envelope.Add(recipient);
        }

        return builder;
    }

    private static DateTimeOffset? Timestamp(string? value) =>
        value is null ? null
        : long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds < 253_402_300_800
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : throw JsonFields.WrongType("timestamp", "Unix seconds");

    private static MailHeaders ReadHeaders(string? json, InboundLimits limits)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return MailHeaders.Empty;
        }

        InboundLimits.EnsureWithin(json.Length, limits.MaxHeaderBlockChars, "message-headers", "characters");
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                throw JsonFields.WrongType("message-headers", "a JSON array of [name, value] pairs");
            }

            InboundLimits.EnsureWithin(root.GetArrayLength(), limits.MaxHeaderCount, "message-headers", "header fields");
            return new MailHeaders(root.EnumerateArray().Select(pair =>
                pair is { ValueKind: JsonValueKind.Array } && pair.GetArrayLength() == 2
                && pair[0].ValueKind == JsonValueKind.String && pair[1].ValueKind == JsonValueKind.String
                    ? new MailHeader(pair[0].GetString()!, pair[1].GetString()!)
                    : throw JsonFields.WrongType("message-headers", "a JSON array of [name, value] pairs")).ToList());
        }
        catch (JsonException)
        {
            throw JsonFields.WrongType("message-headers", "a JSON array of [name, value] pairs");
        }
    }
}
