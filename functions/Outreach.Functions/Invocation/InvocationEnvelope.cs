using System.Globalization;
using System.Text.Json;

namespace Outreach.Functions.Invocation;

/// <summary>
/// The body the host POSTs to <c>/&lt;FunctionName&gt;</c>: <c>{ "Data": {...}, "Metadata": {...} }</c>. Real hosts
/// JSON-encode string values once more (<c>"\"text\""</c>), send longs such as DequeueCount as strings and quote ids,
/// so every read here accepts both the documented and the real shape.
/// </summary>
internal sealed class InvocationEnvelope
{
    private readonly JsonElement _data;
    private readonly JsonElement _metadata;

    private InvocationEnvelope(JsonElement data, JsonElement metadata)
    {
        _data = data;
        _metadata = metadata;
    }

    public static InvocationEnvelope Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidEnvelopeException("body", "the invocation body must be a JSON object with Data and Metadata.");
        }

        var data = Property(root, "Data");
        if (data is not { ValueKind: JsonValueKind.Object })
        {
            throw new InvalidEnvelopeException("Data", "the invocation body has no Data object.");
        }

        var metadata = Property(root, "Metadata");
        return new InvocationEnvelope(data.Value, metadata is { ValueKind: JsonValueKind.Object } m ? m : default);
    }

    /// <summary>The value of a trigger or input binding, <c>Data[name]</c>.</summary>
    public JsonElement Data(string binding) =>
        Property(_data, binding) is { ValueKind: not JsonValueKind.Null } value
            ? value
            : throw new InvalidEnvelopeException($"Data.{binding}", "the binding's value is missing.");

    /// <summary>A metadata value as text, with the host's extra encoding and quotes removed; null when absent.</summary>
    public string? MetadataText(string key) =>
        Property(_metadata, key) is { ValueKind: not JsonValueKind.Null } value ? Text(value).Trim('"') : null;

    public long MetadataLong(string key)
    {
        var text = MetadataText(key) ?? throw new InvalidEnvelopeException($"Metadata.{key}", "the value is missing.");
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidEnvelopeException($"Metadata.{key}", $"'{text}' is not a whole number.");
    }

    public DateTimeOffset? MetadataTime(string key)
    {
        var text = MetadataText(key);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw new InvalidEnvelopeException($"Metadata.{key}", $"'{text}' is not a date and time.");
    }

    /// <summary>
    /// A value as text: a JSON string is decoded, and decoded again when its content is itself a JSON string
    /// literal (the host's <c>JsonConvert.SerializeObject(string)</c>); objects, arrays, numbers keep their JSON text.
    /// </summary>
    public static string Text(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return value.GetRawText();
        }

        var text = value.GetString()!;
        return IsJsonStringLiteral(text) ? UnquoteJson(text) ?? text : text;
    }

    /// <summary>Case-insensitive, because the host serializes with Newtonsoft and other senders use camelCase.</summary>
    public static JsonElement? Property(JsonElement owner, string name)
    {
        if (owner.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in owner.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static bool IsJsonStringLiteral(string text) => text.Length >= 2 && text[0] == '"' && text[^1] == '"';

    private static string? UnquoteJson(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<string>(text);
        }
        catch (JsonException)
        {
            // Quoted text that is not a valid JSON literal (e.g. "a"b") was meant literally.
            return null;
        }
    }
}
