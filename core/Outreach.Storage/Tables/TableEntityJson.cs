using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Azure;

namespace Outreach.Storage.Tables;

/// <summary>
/// Entity JSON for the Table service. Writes <c>Prop@odata.type</c> annotations for the types JSON cannot carry
/// (Int64 as a string, DateTime, Guid, Binary, and whole-number or non-finite doubles); reads
/// <c>odata=minimalmetadata</c> responses, whose annotations give back the exact Edm types.
/// </summary>
internal static class TableEntityJson
{
    private const string TypeSuffix = "@odata.type";
    private const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>
    /// Text as UTF-8, not <c>\uXXXX</c> escapes: the body is JSON read by the service, never HTML, and escaping every
    /// non-ASCII character would make a body six times its text, past the 1 MiB an entity may be (the emulator refuses
    /// such a replace).
    /// </summary>
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static ReadOnlyMemory<byte> Write(TableEntity entity)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(json, entity);
        }

        return buffer.WrittenMemory;
    }

    public static void Write(Utf8JsonWriter json, TableEntity entity)
    {
        json.WriteStartObject();
        json.WriteString("PartitionKey", entity.PartitionKey);
        json.WriteString("RowKey", entity.RowKey);
        foreach (var (name, value) in entity)
        {
            switch (value)
            {
                case string s:
                    json.WriteString(name, s);
                    break;
                case int i:
                    json.WriteNumber(name, i);
                    break;
                case long l:
                    Annotate(json, name, "Edm.Int64");
                    json.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                    break;
                case double d:
                    WriteDouble(json, name, d);
                    break;
                case bool b:
                    json.WriteBoolean(name, b);
                    break;
                case DateTimeOffset t:
                    Annotate(json, name, "Edm.DateTime");
                    json.WriteString(name, t.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture));
                    break;
                case Guid g:
                    Annotate(json, name, "Edm.Guid");
                    json.WriteString(name, g.ToString("D"));
                    break;
                case byte[] bytes:
                    Annotate(json, name, "Edm.Binary");
                    json.WriteBase64String(name, bytes);
                    break;
            }
        }

        json.WriteEndObject();
    }

    public static TableEntity Read(JsonElement element)
    {
        var entity = new TableEntity();
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (name.Contains('@', StringComparison.Ordinal))
            {
                continue; // annotations are looked up from their property
            }

            switch (name)
            {
                case "odata.etag":
                    entity.ETag = new ETag(property.Value.GetString()!);
                    continue;
                case "PartitionKey":
                    entity.PartitionKey = property.Value.GetString()!;
                    continue;
                case "RowKey":
                    entity.RowKey = property.Value.GetString()!;
                    continue;
                case "Timestamp":
                    entity.Timestamp = ParseDate(property.Value.GetString()!); // not annotated by Azurite
                    continue;
            }

            if (name.StartsWith("odata.", StringComparison.Ordinal))
            {
                continue;
            }

            var type = element.TryGetProperty(name + TypeSuffix, out var annotation) ? annotation.GetString() : null;
            entity.SetRead(name, ReadValue(property.Value, type));
        }

        return entity;
    }

    private static object ReadValue(JsonElement value, string? edmType) => edmType switch
    {
        "Edm.Int64" => value.ValueKind == JsonValueKind.String ? long.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt64(),
        "Edm.Double" => value.ValueKind == JsonValueKind.String ? ParseDouble(value.GetString()!) : value.GetDouble(),
        "Edm.DateTime" => ParseDate(value.GetString()!),
        "Edm.Guid" => Guid.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        "Edm.Binary" => value.GetBytesFromBase64(),
        "Edm.Int32" => value.GetInt32(),
        "Edm.Boolean" => value.GetBoolean(),
        _ => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetInt32(out var i) => i,
            JsonValueKind.Number => value.GetDouble(),
            _ => value.GetRawText(),
        },
    };

    private static void WriteDouble(Utf8JsonWriter json, string name, double d)
    {
        // A whole number would come back as Int32 and NaN/Infinity are not JSON numbers: both need the annotation.
        if (double.IsFinite(d) && d != Math.Floor(d))
        {
            json.WriteNumber(name, d);
            return;
        }

        Annotate(json, name, "Edm.Double");
        if (double.IsFinite(d))
        {
            json.WriteNumber(name, d);
        }
        else
        {
            json.WriteString(name, double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
        }
    }

    private static double ParseDouble(string text) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" or "INF" => double.PositiveInfinity,
        "-Infinity" or "-INF" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static DateTimeOffset ParseDate(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static void Annotate(Utf8JsonWriter json, string name, string edmType) => json.WriteString(name + TypeSuffix, edmType);
}
