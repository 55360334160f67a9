using System.Text.Json;

namespace Outreach.Core.Outcomes;

/// <summary>
/// Reads Postmark's inbound webhook JSON. Postmark's <c>MessageID</c> is its own GUID, not the RFC
/// Message-ID, so the <c>Message-ID</c> header wins and the GUID is only a fallback (it is still stable
/// across Postmark's retries, which is what the dedupe key needs).
/// </summary>
internal static class PostmarkJsonReader
{
    public static InboundMessageBuilder Read(JsonElement root, InboundLimits limits)
    {
        var headers = ReadHeaders(root, limits);
        var builder = new InboundMessageBuilder(headers, limits)
        {
            FromAddress = ReadFromFull(root),
            From = JsonFields.String(root, "From"),
            To = JsonFields.String(root, "To"),
            Cc = JsonFields.String(root, "Cc"),
            Subject = JsonFields.String(root, "Subject"),
            MessageId = headers.Get("Message-ID") ?? JsonFields.String(root, "MessageID"),
            Text = JsonFields.String(root, "TextBody"),
            StrippedText = JsonFields.String(root, "StrippedTextReply"),
            Html = JsonFields.String(root, "HtmlBody"),
            Date = JsonFields.String(root, "Date"),
        };
        if (JsonFields.String(root, "OriginalRecipient") is { Length: > 0 } original)
        {
            builder.Envelope.Add(original);
        }

        return builder;
    }

    private static EmailAddress? ReadFromFull(JsonElement root)
    {
        if (!root.TryGetProperty("FromFull", out var full) || full.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (full.ValueKind != JsonValueKind.Object)
        {
            throw JsonFields.WrongType("FromFull", "an object with Email and Name");
        }

        var email = JsonFields.String(full, "Email")?.Trim();
        var name = JsonFields.String(full, "Name");
        return EmailAddress.IsPlausible(email) ? new EmailAddress(email!, string.IsNullOrWhiteSpace(name) ? null : EncodedWords.Decode(name)) : null;
    }

    private static MailHeaders ReadHeaders(JsonElement root, InboundLimits limits)
    {
        if (!root.TryGetProperty("Headers", out var headers) || headers.ValueKind == JsonValueKind.Null)
        {
            return MailHeaders.Empty;
        }

        if (headers.ValueKind != JsonValueKind.Array)
        {
            throw JsonFields.WrongType("Headers", "an array of {Name, Value}");
        }

        InboundLimits.EnsureWithin(headers.GetArrayLength(), limits.MaxHeaderCount, "Headers", "header fields");
        return new MailHeaders(headers.EnumerateArray().Select(h =>
            h.ValueKind == JsonValueKind.Object && JsonFields.String(h, "Name") is { Length: > 0 } name
                ? new MailHeader(name, JsonFields.String(h, "Value") ?? string.Empty)
                : throw JsonFields.WrongType("Headers", "an array of {Name, Value}")).ToList());
    }
}
