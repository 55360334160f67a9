using System.Globalization;

namespace Outreach.Core.Imports;

/// <summary>What one import is for and how to read it.</summary>
public sealed record ImportOptions
{
    /// <summary>The owner whose contacts the file holds.</summary>
    public required string OwnerId { get; init; }

    /// <summary>The import's id (recorded on each new contact's <see cref="Contacts.ContactSource"/>).</summary>
    public string ImportId { get; init; } = string.Empty;

    /// <summary>The uploaded file's name (recorded on each new contact's source).</summary>
    public string FileName { get; init; } = string.Empty;

    /// <summary>The format to read the file as; null (the default) detects it from the header.</summary>
    public ImportFormat? Format { get; init; }

    /// <summary>
    /// The file's text encoding as its uploader declared it (an HTTP <c>charset</c>: <c>iso-8859-15</c>, <c>shift_jis</c>,
    /// <c>utf-16</c>...), read instead of detecting one; a byte order mark still wins. Null (the default) detects it.
    /// </summary>
    public string? Charset { get; init; }

    /// <summary>The caller's own names for columns the alias table does not know (or should ignore); null for none.</summary>
    public ColumnMapping? Columns { get; init; }

    /// <summary>The event applied to rows that name none (e.g. "Class visit: Contoso, 14 Nov").</summary>
    public string? DefaultEvent { get; init; }

    /// <summary>The date met applied to rows that give none.</summary>
    public DateOnly? DefaultMetOn { get; init; }

    /// <summary>
    /// The owner-local day of the import, recorded on each new contact as <see cref="Contacts.Contact.AddedOn"/> (the day
    /// an undated contact counts as met); null records none.
    /// </summary>
    public DateOnly? AddedOn { get; init; }

    /// <summary>
    /// The culture whose short date pattern decides ambiguous numeric dates such as <c>03/04/2024</c>
    /// (en-GB: 3 April; en-US: 4 March). Null (the default) refuses them instead of guessing.
    /// </summary>
    public CultureInfo? DateCulture { get; init; }

    /// <summary>Rows looked up and contacts written together; storage writes one batch per call (1..100, default 100).</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>How many rejected rows the report lists in full (the rest are only counted); default 1000.</summary>
    public int MaxRejectedRowsInReport { get; init; } = 1000;

    /// <summary>
    /// The longest value any one field may have, in characters, on top of <see cref="RowLimits"/> (which it can only
    /// lower); a longer value rejects its row, naming the limit. Null (the default): <see cref="RowLimits"/> alone.
    /// </summary>
    public int? MaxFieldLength { get; init; }

    /// <summary>
    /// The most data rows one import reads; the import stops there (what it read is kept) and its report says from
    /// which line on the file was not read (<see cref="ImportReport.NotReadFromLine"/>). Null (the default): no limit.
    /// </summary>
    public long? MaxRows { get; init; }

    /// <summary>The file's size in bytes when known (for progress); null uses the stream's length when it can seek.</summary>
    public long? TotalBytes { get; init; }

    /// <summary>
    /// An import into an owner who has contacts reads them all at once (<see cref="Contacts.IContactDirectory.TryReadAllAsync"/>:
    /// a few partition pages instead of about three point reads a row) when the owner has at most this many and at most
    /// twice as many as the file is expected to have rows (from <see cref="TotalBytes"/>). They are then held in memory
    /// for the import, so this bounds its memory (a store may also refuse owners whose contacts hold too much text). 0
    /// always looks keys up batch by batch. Default 20,000.
    /// </summary>
    public int MaxContactsReadAtOnce { get; init; } = 20_000;

    /// <summary>Checks the options, naming the bad parameter.</summary>
    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(OwnerId))
        {
            throw new DomainException("import.bad-parameter", "An import needs the owner it imports for.", "ownerId");
        }

        if (BatchSize is < 1 or > 100)
        {
            throw new DomainException("import.bad-parameter", $"batchSize must be between 1 and 100, not {BatchSize}.", "batchSize");
        }

        if (MaxRejectedRowsInReport < 0)
        {
            throw new DomainException("import.bad-parameter", "maxRejectedRowsInReport cannot be negative.", "maxRejectedRowsInReport");
        }

        if (DefaultEvent is { Length: > RowLimits.Name })
        {
            throw new DomainException("import.bad-parameter", $"event is longer than {RowLimits.Name} characters.", "event");
        }

        if (MaxFieldLength is < 1)
        {
            throw new DomainException("import.bad-parameter", $"maxFieldLength must be at least 1, not {MaxFieldLength}.", "maxFieldLength");
        }

        if (MaxRows is < 1)
        {
            throw new DomainException("import.bad-parameter", $"maxRows must be at least 1, not {MaxRows}.", "maxRows");
        }

        if (MaxContactsReadAtOnce < 0)
        {
            throw new DomainException("import.bad-parameter", $"maxContactsReadAtOnce cannot be negative, not {MaxContactsReadAtOnce}.", "maxContactsReadAtOnce");
        }

        if (Charset is not null)
        {
            _ = DeclaredCharset.Resolve(Charset);
        }

        if (Format is { } format && !Enum.IsDefined(format))
        {
            throw new DomainException("import.bad-parameter", $"format {(int)format} is not a known import format.", "format");
        }
    }
}
