namespace Outreach.Storage.Tables;

/// <summary>What the Table service accepts as a custom property name and value.</summary>
internal static class TablePropertyRules
{
    public static void CheckName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name is "PartitionKey" or "RowKey" or "Timestamp" or "ETag")
        {
            throw new ArgumentException($"{name} is a system property: set the entity's {name} property instead.", nameof(name));
        }

        if (name.Length > 255 || !(char.IsAsciiLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException($"'{name}' is not a valid property name: use up to 255 letters, digits and underscores, starting with a letter or underscore.", nameof(name));
        }
    }

    public static object Normalize(string name, object value) => value switch
    {
        string or int or long or double or bool or DateTimeOffset or Guid or byte[] => value,
        DateTime { Kind: DateTimeKind.Utc } utc => new DateTimeOffset(utc),
        DateTime => throw new ArgumentException($"Property {name} is a DateTime that is not UTC; pass a DateTimeOffset or a UTC DateTime.", nameof(value)),
        _ => throw new ArgumentException(
            $"Property {name} is a {value.GetType().Name}; table properties can be string, int, long, double, bool, DateTimeOffset, Guid or byte[].",
            nameof(value)),
    };
}
