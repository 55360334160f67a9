namespace Outreach.Core.Imports;

/// <summary>What one vCard says that the import reads, gathered property by property.</summary>
/// <param name="line">The line its row goes on (the card's first property).</param>
internal sealed class VCardCard(int line)
{
    private string? _first;
    private string? _last;
    private string? _full;
    private readonly List<(string Address, int Rank)> _emails = [];
    private string? _linkedIn;
    private string? _company;
    private string? _title;
    private string? _role;
    private bool _showAsCompany;
    private readonly List<string> _notes = [];
    private readonly List<string> _tags = [];

    public int Line => line;

    public void Add(VCardProperty property)
    {
        switch (property.Name)
        {
            case "N":
                // Family; given; additional (middle) names; prefixes; suffixes, each maybe several, comma-separated. A note
                // greets the given name ("Hi Isambard,", not "Hi Isambard Kingdom,"), as a CSV's Middle Name column is left out.
                _last ??= NonEmpty(string.Join(' ', property.ValuesOf(0)));
                _first ??= NonEmpty(string.Join(' ', property.ValuesOf(1)));
                break;
            case "FN":
                _full ??= NonEmpty(property.Text());
                break;
            case "EMAIL":
                if (NonEmpty(property.Text()) is { } email)
                {
                    _emails.Add((email, PreferenceOf(property)));
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
            case "X-ABSHOWAS" or "KIND":
                // Apple's X-ABShowAs:COMPANY; vCard 4.0's KIND:org (or a group's KIND:group, which is no person either).
                _showAsCompany = property.Text().Trim().ToUpperInvariant() is "COMPANY" or "ORG" or "GROUP";
                break;
            case "CATEGORIES":
                _tags.AddRange(property.Components(',').Where(t => t.Length > 0 && !IsGoogleSystemGroup(t)));
                break;
        }
    }

    /// <summary>The card as a row under <see cref="VCardConverter.Header"/>.</summary>
    public string ToCsvRow()
    {
        var (email, others) = Emails();
        var full = IsCompanyCard() ? null : _full;
        string[] cells =
        [
            _first ?? string.Empty, _last ?? string.Empty, full ?? string.Empty, email, _linkedIn ?? string.Empty,
            _company ?? string.Empty, _title ?? _role ?? string.Empty,
            string.Join("\n\n", _notes).ReplaceLineEndings(WorkbookConverter.LineBreakInCell),
            string.Join(", ", _tags), others,
        ];
        return string.Join(',', cells.Select(c => CsvText.Cell(OneLine(c), ',')));
    }

    /// <summary>
    /// Whether the card is a business's, not a person's: Apple marks one <c>X-ABShowAs:COMPANY</c>, vCard 4.0 <c>KIND:org</c>, and any exporter writes
    /// one with no structured name and the organisation as its formatted name. Its FN is no name a note can greet ("Hi
    /// Contoso,"), so the row has none and is refused for it, as a card with no name is.
    /// </summary>
    private bool IsCompanyCard() =>
        _first is null && _last is null && (_showAsCompany || (_full is not null && _company is not null && _full.Trim().Equals(_company.Trim(), StringComparison.OrdinalIgnoreCase)));

    /// <summary>
    /// The most preferred address (the first of those equally preferred), and the card's other addresses in their order,
    /// written as Google writes several in one cell (<c>a ::: b</c>): the import keeps them as the contact's further
    /// addresses, so a reply from the person's other address still finds them.
    /// </summary>
    private (string Email, string Others) Emails()
    {
        if (_emails.Count == 0)
        {
            return (string.Empty, string.Empty);
        }

        var best = 0;
        for (var i = 1; i < _emails.Count; i++)
        {
            best = _emails[i].Rank < _emails[best].Rank ? i : best;
        }

        var others = _emails.Where((_, i) => i != best).Select(e => e.Address)
            .Where(a => !a.Equals(_emails[best].Address, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase);
        return (_emails[best].Address, string.Join(" ::: ", others));
    }

    /// <summary>
    /// How preferred an address is, lower first: vCard 4.0's <c>PREF=1</c> (most) to <c>PREF=100</c>; 3.0's
    /// <c>TYPE=pref</c> and 2.1's bare <c>PREF</c> count as 1; an address marked neither way comes after them all.
    /// </summary>
    private static int PreferenceOf(VCardProperty property)
    {
        if (property.Parameter("PREF") is { } pref)
        {
            return int.TryParse(pref, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var rank) && rank is >= 1 and <= 100 ? rank : 1;
        }

        return property.HasType("pref") ? 1 : int.MaxValue;
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

    /// <summary>
    /// Google's own groups, which its vCard export lists in every card's CATEGORIES (<c>myContacts</c>, <c>starred</c>): no
    /// label the person gave, so no tag, as Google's CSV <c>Labels</c> column (<c>* myContacts</c>) is not read either.
    /// </summary>
    private static bool IsGoogleSystemGroup(string category) =>
        category.Equals("myContacts", StringComparison.OrdinalIgnoreCase) || category.Equals("starred", StringComparison.OrdinalIgnoreCase);

    private static string? NonEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
