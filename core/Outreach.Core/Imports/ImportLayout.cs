namespace Outreach.Core.Imports;

/// <summary>
/// How the columns of one file map to contact fields: the format, the header cells, and for each field the
/// column it is read from (the first column with a matching header wins; later duplicates are ignored).
/// </summary>
internal sealed class ImportLayout
{
    private static readonly int FieldCount = Enum.GetValues<ContactField>().Length;
    private readonly int[] _columns;

    private ImportLayout(ImportFormat format, IReadOnlyList<string> headers, int[] columns, IReadOnlyList<int> spareEmailColumns, IReadOnlyList<int> websiteColumns, IReadOnlyList<RecognisedColumn> recognised, IReadOnlyList<string> ignored)
    {
        Format = format;
        Headers = headers;
        _columns = columns;
        SpareEmailColumns = spareEmailColumns;
        WebsiteColumns = websiteColumns;
        Recognised = recognised;
        Ignored = ignored;
    }

    public ImportFormat Format { get; }

    public IReadOnlyList<string> Headers { get; }

    public IReadOnlyList<RecognisedColumn> Recognised { get; }

    public IReadOnlyList<string> Ignored { get; }

    /// <summary>
    /// The columns of further addresses (<c>E-mail 2 Address</c>, <c>E-mail 2 - Value</c>: <see cref="HeaderAliases.IsSpareEmail"/>),
    /// in file order, read for a row whose email column is empty; none unless the file has an email column.
    /// </summary>
    public IReadOnlyList<int> SpareEmailColumns { get; }

    /// <summary>
    /// The website columns (<c>Website 1 - Value</c>, <c>Web Page</c>: <see cref="HeaderAliases.IsWebsite"/>), in file
    /// order, whose first LinkedIn profile URL a row takes when its LinkedIn column is empty or absent.
    /// </summary>
    public IReadOnlyList<int> WebsiteColumns { get; }

    /// <summary>Whether rows of this layout can ever be accepted: a name column and an email or LinkedIn column.</summary>
    public bool CanIdentifyContacts =>
        (Has(ContactField.FirstName) || Has(ContactField.LastName) || Has(ContactField.FullName))
        && (Has(ContactField.Email) || Has(ContactField.LinkedInUrl));

    /// <summary>The column index of <paramref name="field"/>, or -1.</summary>
    public int ColumnOf(ContactField field) => _columns[(int)field];

    public bool Has(ContactField field) => _columns[(int)field] >= 0;

    /// <summary>The header text of <paramref name="field"/>'s column (for error messages), or the field name.</summary>
    public string HeaderOf(ContactField field) => Has(field) ? Headers[ColumnOf(field)] : field.ToString();

    /// <summary>Maps <paramref name="headers"/> for <paramref name="format"/>, or detects the format when it is null.</summary>
    /// <param name="headers">The header cells.</param>
    /// <param name="format">The format insisted on, or null.</param>
    /// <param name="mapping">The caller's own column names, which win over the alias table; null for none.</param>
    public static ImportLayout Create(IReadOnlyList<string> headers, ImportFormat? format, ColumnMapping? mapping = null)
    {
        var folded = new string[headers.Count];
        for (var i = 0; i < headers.Count; i++)
        {
            folded[i] = HeaderAliases.Fold(headers[i]);
        }

        var chosen = format ?? Detect(folded);

        // The caller's own names first, so a mapped column wins over an alias column before it; then the alias table.
        var fieldOf = new ContactField?[headers.Count];
        var mapped = new bool[headers.Count];
        for (var i = 0; i < headers.Count; i++)
        {
            ContactField? own = null;
            mapped[i] = mapping?.TryGet(folded[i], out own) ?? false;
            fieldOf[i] = mapped[i] ? own : HeaderAliases.FieldFor(folded[i], chosen);
        }

        var columns = new int[FieldCount];
        Array.Fill(columns, -1);
        foreach (var pass in (ReadOnlySpan<bool>)[true, false])
        {
            for (var i = 0; i < headers.Count; i++)
            {
                if (mapped[i] == pass && fieldOf[i] is { } field && columns[(int)field] < 0)
                {
                    columns[(int)field] = i;
                }
            }
        }

        var spareEmails = new List<int>();
        var websites = new List<int>();
        var recognised = new List<RecognisedColumn>();
        var ignored = new List<string>();
        for (var i = 0; i < headers.Count; i++)
        {
            if (fieldOf[i] is { } field && columns[(int)field] == i)
            {
                recognised.Add(new RecognisedColumn(headers[i], field));
            }
            else if (!mapped[i] && fieldOf[i] is null && columns[(int)ContactField.Email] >= 0 && HeaderAliases.IsSpareEmail(folded[i]))
            {
                spareEmails.Add(i);
                recognised.Add(new RecognisedColumn(headers[i], ContactField.Email));
            }
            else if (!mapped[i] && fieldOf[i] is null && HeaderAliases.IsWebsite(folded[i]))
            {
                websites.Add(i);
                recognised.Add(new RecognisedColumn(headers[i], ContactField.LinkedInUrl));
            }
            else if (headers[i].Length > 0)
            {
                ignored.Add(headers[i]);
            }
        }

        return new ImportLayout(chosen, headers, columns, spareEmails, websites, recognised, ignored);
    }

    /// <summary>Whether the folded headers carry the signature of <paramref name="format"/>.</summary>
    public static bool HasSignature(IReadOnlyCollection<string> folded, ImportFormat format) => format switch
    {
        ImportFormat.ClassVisitSheet => folded.Contains("meton") && (folded.Contains("whatwetalkedabout") || folded.Contains("whaticanoffer")),
        ImportFormat.LinkedInConnections => folded.Contains("connectedon") && folded.Contains("firstname") && folded.Contains("lastname"),
        ImportFormat.GoogleContacts => folded.Contains("email1value") || (folded.Contains("givenname") && folded.Contains("familyname"))
            || folded.Contains("organization1name") || folded.Contains("organizationname"),
        ImportFormat.OutlookContacts => folded.Contains("emailaddress") && folded.Contains("middlename") && (folded.Contains("jobtitle") || folded.Contains("company")),
        _ => true,
    };

    private static ImportFormat Detect(IReadOnlyCollection<string> folded)
    {
        // Most specific first: the class-visit sheet and LinkedIn also have generic columns Google and Outlook share.
        foreach (var format in (ReadOnlySpan<ImportFormat>)[ImportFormat.ClassVisitSheet, ImportFormat.LinkedInConnections, ImportFormat.GoogleContacts, ImportFormat.OutlookContacts])
        {
            if (HasSignature(folded, format))
            {
                return format;
            }
        }

        return ImportFormat.Generic;
    }
}
