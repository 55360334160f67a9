using System.Text.Json;

namespace Outreach.Core.Outcomes;

/// <summary>
/// Reads SendGrid Inbound Parse in parsed (non-raw) mode: <c>headers</c> is the raw header block,
/// <c>from</c>/<c>to</c>/<c>cc</c>/<c>subject</c>/<c>text</c>/<c>html</c> are decoded fields and
/// <c>envelope</c> is JSON (<c>{"to":[...],"from":"..."}</c>). <c>charsets</c> names each field's charset; the HTTP
/// layer decodes each field's bytes with it before they get here, so it is not read again.
/// </summary>
internal static class SendGridFormReader
{
    public static InboundMessageBuilder Read(IReadOnlyDictionary<string, string> fields, InboundLimits limits)
    {
        var builder = new InboundMessageBuilder(HeaderBlockParser.Parse(fields.GetValueOrDefault("headers"), limits), limits)
        {
            From = fields.GetValueOrDefault("from"),
            To = fields.GetValueOrDefault("to"),
            Cc = fields.GetValueOrDefault("cc"),
            Subject = fields.GetValueOrDefault("subject"),
            Text = fields.GetValueOrDefault("text"),
            Html = fields.GetValueOrDefault("html"),
        };
        builder.Envelope.AddRange(EnvelopeRecipients(fields.GetValueOrDefault("envelope")));
        return builder;
    }

    private static IEnumerable<string> EnvelopeRecipients(string? envelope)
    {
        if (string.IsNullOrWhiteSpace(envelope))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(envelope);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? JsonFields.StringOrList(document.RootElement, "to", ", ") is { } to ? [to] : []
                : throw JsonFields.WrongType("envelope", "a JSON object with 'to' and 'from'");
        }
        catch (JsonException)
        {
            throw JsonFields.WrongType("envelope", "a JSON object with 'to' and 'from'");
        }
    }
}
