using System.Collections;

namespace Outreach.Core.Outcomes;

/// <summary>
/// The header fields of a message in their original order. Names compare case-insensitively
/// (RFC 5322 section 1.2.2) and a name may repeat (Received, several DKIM signatures), so look-ups return
/// the first or all values.
/// </summary>
public sealed class MailHeaders : IReadOnlyList<MailHeader>
{
    private readonly List<MailHeader> _fields;
    private readonly Dictionary<string, List<string>> _byName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the collection from fields in received order.</summary>
    public MailHeaders(IEnumerable<MailHeader> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _fields = [.. fields];
        foreach (var field in _fields)
        {
            if (!_byName.TryGetValue(field.Name, out var values))
            {
                values = [];
                _byName[field.Name] = values;
            }

            values.Add(field.Value);
        }
    }

    /// <summary>A message with no header fields.</summary>
    public static MailHeaders Empty { get; } = new([]);

    /// <inheritdoc />
    public int Count => _fields.Count;

    /// <inheritdoc />
    public MailHeader this[int index] => _fields[index];

    /// <summary>The first value of the named field, or null when absent.</summary>
    public string? Get(string name) => _byName.TryGetValue(name, out var values) ? values[0] : null;

    /// <summary>Every value of the named field in received order (empty when absent).</summary>
    public IReadOnlyList<string> GetAll(string name) => _byName.TryGetValue(name, out var values) ? values : [];

    /// <summary>Whether the named field is present at all (even with an empty value).</summary>
    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <inheritdoc />
    public IEnumerator<MailHeader> GetEnumerator() => _fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
