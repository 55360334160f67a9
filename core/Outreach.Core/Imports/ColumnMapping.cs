using System.Collections.Frozen;

namespace Outreach.Core.Imports;

/// <summary>
/// The caller's own names for columns, for a sheet whose headers the alias table does not know (<c>Correo=email;
/// Empresa=company</c>) or knows wrongly (<c>Title=ignore</c>). Headers match as aliases do, ignoring case, spaces
/// and punctuation; a mapped header wins over the alias table. Written <c>header=field</c>, entries separated by
/// <c>;</c> or line breaks; fields are <see cref="FieldNames"/> or <c>ignore</c>.
/// </summary>
public sealed class ColumnMapping
{
    /// <summary>The field names a mapping may use, as written in the error that lists them.</summary>
    public const string FieldNames = "firstName, lastName, name, email, linkedInUrl, company, position, connectedOn, event, metOn, notes, offer, tags, ignore";

    private static readonly FrozenDictionary<string, ContactField?> Fields = new Dictionary<string, ContactField?>
    {
        ["firstname"] = ContactField.FirstName,
        ["lastname"] = ContactField.LastName,
        ["name"] = ContactField.FullName,
        ["fullname"] = ContactField.FullName,
        ["email"] = ContactField.Email,
        ["linkedin"] = ContactField.LinkedInUrl,
        ["linkedinurl"] = ContactField.LinkedInUrl,
        ["company"] = ContactField.Company,
        ["position"] = ContactField.Position,
        ["connectedon"] = ContactField.ConnectedOn,
        ["event"] = ContactField.Event,
        ["meton"] = ContactField.MetOn,
        ["notes"] = ContactField.Notes,
        ["offer"] = ContactField.Offer,
        ["tags"] = ContactField.Tags,
        ["ignore"] = null,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, ContactField?> _byFoldedHeader;

    private ColumnMapping(IReadOnlyList<(string Header, string Field, ContactField? Target)> entries)
    {
        Entries = entries;
        _byFoldedHeader = entries.ToFrozenDictionary(e => HeaderAliases.Fold(e.Header), e => e.Target, StringComparer.Ordinal);
    }

    /// <summary>Each mapped header as written, the field name as written, and the field (null: ignore the column).</summary>
    public IReadOnlyList<(string Header, string Field, ContactField? Target)> Entries { get; }

    /// <summary>Reads <c>header=field; header=field</c>; a bad entry is a <see cref="DomainException"/> naming <paramref name="parameter"/> and the entry.</summary>
    /// <returns>The mapping, or null for blank text.</returns>
    public static ColumnMapping? Parse(string? text, string parameter = "columns")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var entries = new List<(string Header, string Field, ContactField? Target)>();
        var headers = new HashSet<string>(StringComparer.Ordinal);
        var fields = new Dictionary<ContactField, string>();
        foreach (var raw in text.Split([';', '\n', '\r'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = raw.LastIndexOf('=');
            var header = equals > 0 ? raw[..equals].Trim() : string.Empty;
            var field = equals >= 0 ? raw[(equals + 1)..].Trim() : string.Empty;
            var folded = HeaderAliases.Fold(header);
            if (folded.Length == 0 || field.Length == 0)
            {
                throw Bad(parameter, $"'{raw}' is not written header=field (for example Correo=email).");
            }

            if (!Fields.TryGetValue(HeaderAliases.Fold(field), out var target))
            {
                throw Bad(parameter, $"'{raw}' maps to '{field}', which is not a field; use one of {FieldNames}.");
            }

            if (!headers.Add(folded))
            {
                throw Bad(parameter, $"names the column '{header}' twice.");
            }

            if (target is { } mapped && !fields.TryAdd(mapped, header))
            {
                throw Bad(parameter, $"maps both '{fields[mapped]}' and '{header}' to {field}; a field is read from one column.");
            }

            entries.Add((header, field, target));
        }

        return entries.Count == 0 ? null : new ColumnMapping(entries);
    }

    /// <summary>Whether the folded header is mapped, and to what (null: ignored).</summary>
    internal bool TryGet(string foldedHeader, out ContactField? field) => _byFoldedHeader.TryGetValue(foldedHeader, out field);

    /// <summary>The mapped headers that are not among <paramref name="foldedHeaders"/>.</summary>
    internal IEnumerable<string> Missing(IReadOnlyCollection<string> foldedHeaders) =>
        Entries.Where(e => !foldedHeaders.Contains(HeaderAliases.Fold(e.Header))).Select(e => e.Header);

    /// <summary>The mapping written back as <c>header=field; header=field</c> (what <see cref="Parse"/> reads).</summary>
    public override string ToString() => string.Join("; ", Entries.Select(e => $"{e.Header}={e.Field}"));

    private static DomainException Bad(string parameter, string problem) =>
        new("import.bad-parameter", $"{parameter} {problem}", parameter);
}
