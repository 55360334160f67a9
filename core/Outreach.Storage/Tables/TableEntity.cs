using System.Collections;
using Azure;

namespace Outreach.Storage.Tables;

/// <summary>
/// A table entity: its keys, the service's ETag and Timestamp, and a bag of typed properties. Property values
/// may be <see cref="string"/>, <see cref="int"/>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>,
/// <see cref="DateTimeOffset"/> (a UTC <see cref="DateTime"/> is converted), <see cref="Guid"/> or
/// <c>byte[]</c>; each round-trips with its Edm type. Setting a property to null removes it.
/// </summary>
public sealed class TableEntity : IEnumerable<KeyValuePair<string, object>>
{
    private readonly Dictionary<string, object> _properties = new(StringComparer.Ordinal);

    /// <summary>An entity with empty keys (set them before writing).</summary>
    public TableEntity()
    {
    }

    /// <summary>An entity with the given keys.</summary>
    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    /// <summary>The partition key. No <c>/ \ # ?</c> or control characters.</summary>
    public string PartitionKey { get; set; } = string.Empty;

    /// <summary>The row key, unique within the partition. No <c>/ \ # ?</c> or control characters.</summary>
    public string RowKey { get; set; } = string.Empty;

    /// <summary>The version the service last returned for this entity (set by reads and by writes through <see cref="TableClient"/>).</summary>
    public ETag ETag { get; set; }

    /// <summary>When the service last modified the entity (reads only; ignored on writes).</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>How many custom properties the entity has.</summary>
    public int Count => _properties.Count;

    /// <summary>Gets a property value (null when absent) or sets one (null removes it).</summary>
    /// <exception cref="ArgumentException">The name is reserved or invalid, or the value's type has no Edm equivalent.</exception>
    public object? this[string name]
    {
        get => _properties.TryGetValue(name, out var value) ? value : null;
        set
        {
            TablePropertyRules.CheckName(name);
            if (value is null)
            {
                _properties.Remove(name);
            }
            else
            {
                _properties[name] = TablePropertyRules.Normalize(name, value);
            }
        }
    }

    /// <summary>Sets a property (lets the entity be built with a collection initializer).</summary>
    public void Add(string name, object value) => this[name] = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Removes a property; false if it was absent.</summary>
    public bool Remove(string name) => _properties.Remove(name);

    /// <summary>Whether the property is present.</summary>
    public bool Contains(string name) => _properties.ContainsKey(name);

    /// <summary>A string property, or null when absent.</summary>
    public string? GetString(string name) => GetReference<string>(name);

    /// <summary>An Int32 property, or null when absent.</summary>
    public int? GetInt32(string name) => GetValue<int>(name);

    /// <summary>An Int64 property (an Int32 widens), or null when absent.</summary>
    public long? GetInt64(string name) => this[name] is int small ? small : GetValue<long>(name);

    /// <summary>A Double property (integers widen), or null when absent.</summary>
    public double? GetDouble(string name) => this[name] switch
    {
        int i => i,
        long l => l,
        _ => GetValue<double>(name),
    };

    /// <summary>A Boolean property, or null when absent.</summary>
    public bool? GetBoolean(string name) => GetValue<bool>(name);

    /// <summary>A DateTime property (UTC), or null when absent.</summary>
    public DateTimeOffset? GetDateTimeOffset(string name) => GetValue<DateTimeOffset>(name);

    /// <summary>A Guid property, or null when absent.</summary>
    public Guid? GetGuid(string name) => GetValue<Guid>(name);

    /// <summary>A Binary property, or null when absent.</summary>
    public byte[]? GetBinary(string name) => GetReference<byte[]>(name);

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => _properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void SetRead(string name, object value) => _properties[name] = value;

    // Two helpers, not one unconstrained Get<T>: for a value type an unconstrained T? is plain T, so an absent Int32
    // would read as 0 instead of null.
    private T? GetValue<T>(string name)
        where T : struct =>
        !_properties.TryGetValue(name, out var value) ? null
        : value is T typed ? typed
        : throw WrongType<T>(name, value);

    private T? GetReference<T>(string name)
        where T : class =>
        !_properties.TryGetValue(name, out var value) ? null
        : value as T ?? throw WrongType<T>(name, value);

    private static InvalidOperationException WrongType<T>(string name, object value) =>
        new($"Property {name} is a {value.GetType().Name}, not a {typeof(T).Name}.");
}
