namespace Outreach.Core.Imports;

/// <summary>The outcome of a whole import.</summary>
public sealed record ImportReport
{
    /// <summary>The longest raw row text the report keeps per rejected row.</summary>
    public const int MaxRawTextLength = 10_000;

    /// <summary>The format read (detected or given); null for an empty file.</summary>
    public ImportFormat? Format { get; init; }

    /// <summary>The encoding detected (<c>utf-8</c>, <c>utf-8-bom</c>, <c>utf-16le</c>, <c>utf-16be</c>, <c>windows-1252</c>...); null for an empty file.</summary>
    public string? Encoding { get; init; }

    /// <summary>The separator sniffed from the header (',', ';' or '\t'); null for an empty file.</summary>
    public char? Delimiter { get; init; }

    /// <summary>The physical line of the header row; null for an empty file.</summary>
    public int? HeaderLine { get; init; }

    /// <summary>The headers that feed a contact field.</summary>
    public IReadOnlyList<RecognisedColumn> RecognisedColumns { get; init; } = [];

    /// <summary>The headers that were not used (unknown, or a second column for the same field).</summary>
    public IReadOnlyList<string> IgnoredColumns { get; init; } = [];

    /// <summary>Data rows read (blank rows are skipped and not counted).</summary>
    public long RowsRead { get; init; }

    /// <summary>Rows that created a new contact.</summary>
    public long Accepted { get; init; }

    /// <summary>Rows merged into an earlier row of the file or adding to a stored contact.</summary>
    public long Merged { get; init; }

    /// <summary>Rows that matched a stored contact and changed nothing.</summary>
    public long Unchanged { get; init; }

    /// <summary>Rows refused.</summary>
    public long Rejected { get; init; }

    /// <summary>The first rejected rows (up to <see cref="ImportOptions.MaxRejectedRowsInReport"/>), in file order.</summary>
    public IReadOnlyList<RejectedRow> RejectedRows { get; init; } = [];

    /// <summary>Rejected rows counted but not listed because of the cap.</summary>
    public long RejectedRowsNotListed { get; init; }

    /// <summary>
    /// Cells starting with <c>= + - @</c> (spreadsheet formula triggers) that were kept as plain text. They are
    /// never evaluated; anyone exporting contacts to a spreadsheet later must escape them.
    /// </summary>
    public long FormulaLikeCells { get; init; }

    /// <summary>
    /// Merged or already-known rows with a part (notes, offer, event met, tags) their contact had no room for
    /// (<see cref="Contacts.ContactLimits"/>): that part was not added, the rest of the row was, and the row's
    /// <see cref="ImportRowResult.Errors"/> say which part.
    /// </summary>
    public long RowsWithPartsLeftOut { get; init; }

    /// <summary>
    /// Imported rows (new, merged or already known) with an address their contact is not found by: in a cell of several
    /// (<c>a@x.org; b@y</c>) or a further address column, one that is not a valid address or one past the most a contact
    /// is found by (<see cref="LeftOutAddresses"/>). The row was imported by its first address; its
    /// <see cref="ImportRowResult.Errors"/> name the column and which of its addresses.
    /// </summary>
    public long RowsWithAddressesLeftOut { get; init; }

    /// <summary>Bytes of the file read.</summary>
    public long BytesRead { get; init; }

    /// <summary>
    /// The line of the first row left unread because the import reached <see cref="ImportOptions.MaxRows"/>, or null
    /// when the whole file was read. The rows before it are imported.
    /// </summary>
    public int? NotReadFromLine { get; init; }

    /// <summary>
    /// The line of a row longer than <see cref="CsvRecordCursor.MaxRecordBytes"/> (most likely a quote never closed),
    /// where the import stopped rather than hold the rest of the file in memory, or null. The rows before it are imported.
    /// </summary>
    public int? StoppedAtLine { get; init; }

    /// <summary>
    /// A note for the user when the file held nothing to import (empty, or a header without rows), was not read to its
    /// end, or had rows with parts their contacts had no room for or addresses left out.
    /// </summary>
    public string? Message { get; init; }
}
