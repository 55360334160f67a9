namespace Outreach.Core.Imports;

/// <summary>How far an import has got.</summary>
/// <param name="RowsRead">Data rows read so far (header and blank lines not counted).</param>
/// <param name="BytesRead">Bytes of the file read so far.</param>
/// <param name="TotalBytes">The file's size, when known.</param>
public readonly record struct ImportProgress(long RowsRead, long BytesRead, long? TotalBytes);
