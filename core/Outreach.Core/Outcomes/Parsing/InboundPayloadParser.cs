using System.Text.Json;

namespace Outreach.Core.Outcomes;

/// <summary>
/// Recognises which inbound service sent a webhook body and reads it into an <see cref="InboundMessage"/>.
/// Form posts (SendGrid Inbound Parse, Mailgun routes) arrive as already-decoded form fields (multipart
/// parsing is the HTTP layer's job); JSON bodies are Outreach's canonical shape or Postmark's.
/// An unrecognised or malformed body is a <see cref="DomainException"/> naming the offending field.
/// </summary>
public sealed class InboundPayloadParser
{
    private readonly TimeProvider _time;
    private readonly InboundLimits _limits;

    /// <summary>Creates a parser.</summary>
    /// <param name="time">Supplies the receive time when the payload does not carry one.</param>
    /// <param name="limits">Size bounds, or <see cref="InboundLimits.Default"/>.</param>
    public InboundPayloadParser(TimeProvider time, InboundLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _limits = limits ?? InboundLimits.Default;
    }

    /// <summary>Which form-post service the fields look like, or null.</summary>
    public static InboundPayloadShape? DetectForm(IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var lookup = CaseInsensitive(fields);
        if (lookup.ContainsKey("message-headers") || lookup.ContainsKey("body-plain"))
        {
            return InboundPayloadShape.Mailgun;
        }

        if (lookup.ContainsKey("headers") && (lookup.ContainsKey("envelope") || lookup.ContainsKey("charsets")))
        {
            return InboundPayloadShape.SendGrid;
        }

        return null;
    }

    /// <summary>Which JSON shape the document is, or null.</summary>
    public static InboundPayloadShape? DetectJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (root.TryGetProperty("FromFull", out _) || root.TryGetProperty("TextBody", out _) || root.TryGetProperty("MessageID", out _))
        {
            return InboundPayloadShape.Postmark;
        }

        return root.TryGetProperty("from", out _)
            && (root.TryGetProperty("text", out _) || root.TryGetProperty("messageId", out _) || root.TryGetProperty("html", out _))
            ? InboundPayloadShape.Canonical
            : null;
    }

    /// <summary>Parses a SendGrid or Mailgun form post.</summary>
    /// <param name="fields">The decoded form fields (names as posted).</param>
    public ParsedInbound ParseForm(IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var lookup = CaseInsensitive(fields);
        return DetectForm(fields) switch
        {
            InboundPayloadShape.Mailgun => new(InboundPayloadShape.Mailgun, MailgunFormReader.Read(lookup, _limits).Build(_time)),
            InboundPayloadShape.SendGrid => new(InboundPayloadShape.SendGrid, SendGridFormReader.Read(lookup, _limits).Build(_time)),
            _ => throw new DomainException(
                "inbound.unknown-shape",
                "The form post is neither SendGrid Inbound Parse (parsed mode: headers + envelope) nor a Mailgun route (message-headers/body-plain).",
                "body"),
        };
    }

    /// <summary>Parses a canonical or Postmark JSON document.</summary>
    /// <param name="json">The request body.</param>
    public ParsedInbound ParseJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            throw new DomainException("inbound.invalid-json", "The request body is not valid JSON.", "body");
        }

        using (document)
        {
            var root = document.RootElement;
            return DetectJson(root) switch
            {
                InboundPayloadShape.Postmark => new(InboundPayloadShape.Postmark, PostmarkJsonReader.Read(root, _limits).Build(_time)),
                InboundPayloadShape.Canonical => new(InboundPayloadShape.Canonical, CanonicalJsonReader.Read(root, _limits).Build(_time)),
                _ => throw new DomainException(
                    "inbound.unknown-shape",
                    "The JSON body is neither the canonical inbound shape (from, text/messageId) nor a Postmark inbound webhook.",
                    "body"),
            };
        }
    }

    private static Dictionary<string, string> CaseInsensitive(IReadOnlyDictionary<string, string> fields)
    {
        var lookup = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in fields)
        {
            lookup.TryAdd(name, value);
        }

        return lookup;
    }
}
