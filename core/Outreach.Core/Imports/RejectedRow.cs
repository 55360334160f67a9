namespace Outreach.Core.Imports;

/// <summary>A refused row as the report lists it.</summary>
/// <param name="Line">The physical line the row starts on.</param>
/// <param name="Errors">Every problem found (field and reason).</param>
/// <param name="RawText">The row's original text, cut to <see cref="ImportReport.MaxRawTextLength"/> characters.</param>
/// <param name="RawTextTruncated">Whether <paramref name="RawText"/> was cut (the streamed row result has it whole).</param>
public sealed record RejectedRow(int Line, IReadOnlyList<RowError> Errors, string RawText, bool RawTextTruncated);
