namespace Outreach.Core.Imports;

/// <summary>An uploaded import file with one person's records taken out (see <see cref="ImportFileRedactor"/>).</summary>
/// <param name="Content">The file without those records, in its own encoding; the input itself when nothing was taken out.</param>
/// <param name="ErasedLines">The physical lines (1-based) the removed records started on in the original file, ascending.</param>
public sealed record ImportFileRedaction(byte[] Content, IReadOnlyList<int> ErasedLines);
