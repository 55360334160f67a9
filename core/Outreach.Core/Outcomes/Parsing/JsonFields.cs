using System.Text.Json;

namespace Outreach.Core.Outcomes;

/// <summary>Typed reads of optional JSON properties that fail with a <see cref="DomainException"/> naming the field.</summary>
internal static class JsonFields
{
    public static string? String(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw WrongType(name, "a string");
    }

    /// <summary>A string, or an array of strings joined with <paramref name="separator"/>.</summary>
    public static string? StringOrList(JsonElement parent, string name, string separator)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Array => string.Join(separator, value.EnumerateArray().Select(item =>
                item.ValueKind == JsonValueKind.String ? item.GetString() : throw WrongType(name, "a string or an array of strings"))),
            _ => throw WrongType(name, "a string or an array of strings"),
        };
    }

    public static DomainException WrongType(string name, string expected) =>
        new("inbound.invalid-field", $"The field '{name}' must be {expected}.", name);
}
