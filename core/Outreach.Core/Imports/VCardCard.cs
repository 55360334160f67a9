namespace Outreach.Core.Imports;

/// <summary>What one vCard says that the import reads, gathered property by property.</summary>
/// <param name="line">The line its row goes on (the card's first property).</param>
internal sealed class VCardCard(int line)
{
    private string? _first;
    private string? _last;
    private string? _full;
    private string? _email;
    private bool _emailPreferred;
    private string? _linkedIn;
    private string? _company;
    private string? _title;
    private string? _role;
    private readonly List<string> _notes = [];
    private readonly List<string> _tags = [];

    public int Line => line;

    public void Add(VCardProperty property)
    {
        switch (property.Name)
        {
            case "N":
                var name = property.Components();
                _last ??= NonEmpty(name[0]);
                _first ??= NonEmpty(string.Join(' ', name.Skip(1).Take(2).Where(n => n.Length > 0))); // given, then additional names
                break;
            case "FN":
                _full ??= NonEmpty(property.Text());
                break;
            case "EMAIL":
                // The preferred address, else the first.
                if (NonEmpty(property.Text()) is { } email && (_email is null || (!_emailPreferred && property.HasType("pref"))))
                {
                    (_email, _emailPreferred) = (email, property.HasType("pref"));
                }

                break;
            case "URL" or "X-SOCIALPROFILE" or "SOCIALPROFILE":
                _linkedIn ??= LinkedInOf(property);
                break;
            case "ORG":
                _company ??= NonEmpty(property.Components()[0]);
                break;
            case "TITLE":
                _title ??= NonEmpty(property.Text());
                break;
            case "ROLE":
                _role ??= NonEmpty(property.Text());
                break;
            case "NOTE":
                if (NonEmpty(property.Text()) is { } note)
                {
                    _notes.Add(note);
                }

                break;
            case "CATEGORIES":
                _tags.AddRange(property.Components(',').Where(t => t.Length > 0));
                break;
        }
    }

    /// <summary>The card as a row under <see cref="VCardConverter.Header"/>.</summary>
    public string ToCsvRow()
    {
        string[] cells =
        [
            _first ?? string.Empty, _last ?? string.Empty, _full ?? string.Empty, _email ?? string.Empty, _linkedIn ?? string.Empty,
            _company ?? string.Empty, _title ?? _role ?? string.Empty,
            string.Join("\n\n", _notes).ReplaceLineEndings(WorkbookConverter.LineBreakInCell),
            string.Join(", ", _tags),
        ];
        return string.Join(',', cells.Select(c => CsvText.Cell(OneLine(c), ',')));
    }

    /// <summary>Any line break left in a single-line value becomes a space: a row stays on its line.</summary>
    private static string OneLine(string value) => value.AsSpan().IndexOfAny('\r', '\n') < 0 ? value : value.ReplaceLineEndings(" ");

    /// <summary>
    /// A LinkedIn profile URL the property gives: a profile URL on linkedin.com (not a company page or a post), or a LinkedIn social profile written as a handle
    /// (Apple's <c>X-SOCIALPROFILE;type=linkedin;x-user=ada-l:x-apple:ada-l</c>), which becomes its profile URL.
    /// </summary>
    private static string? LinkedInOf(VCardProperty property)
    {
        var value = property.Text();
        if (value.Contains("linkedin.com/", StringComparison.OrdinalIgnoreCase))
        {
            // A card may list the person's company page beside (or before) their profile: only a profile is theirs.
            return LinkedInProfileUrl.TryNormalise(value.Trim(), out _) is null ? value : null;
        }

        if (property.Name == "URL" || !property.HasType("linkedin"))
        {
            return null;
        }

        var handle = property.Parameter("X-USER") ?? (value.StartsWith("x-apple:", StringComparison.OrdinalIgnoreCase) ? value["x-apple:".Length..] : null);
        return string.IsNullOrWhiteSpace(handle) || handle.AsSpan().IndexOfAny(" /:?#") >= 0 ? null : "https://www.linkedin.com/in/" + handle.Trim();
    }

    private static string? NonEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
