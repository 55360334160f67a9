namespace Outreach.Core.Imports;

/// <summary>
/// How far an import has got, reported after each batch once its contacts are written: so the counts are what is
/// stored, and an import cut short can say what it had done.
/// </summary>
/// <param name="RowsRead">Data rows read so far (header and blank lines not counted).</param>
/// <param name="BytesRead">Bytes of the file read so far.</param>
/// <param name="TotalBytes">The file's size, when known.</param>
/// <param name="Accepted">Rows so far that created a contact.</param>
/// <param name="Merged">Rows so far merged into a contact.</param>
/// <param name="Unchanged">Rows so far whose contact was stored already and unchanged.</param>
/// <param name="Rejected">Rows so far refused.</param>
public readonly record struct ImportProgress(
    long RowsRead, long BytesRead, long? TotalBytes, long Accepted = 0, long Merged = 0, long Unchanged = 0, long Rejected = 0);
