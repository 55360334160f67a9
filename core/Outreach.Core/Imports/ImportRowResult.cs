namespace Outreach.Core.Imports;

/// <summary>The result of one data row, streamed as the import goes.</summary>
/// <param name="Line">The physical line the row starts on (1-based; preamble, header and lines inside quoted fields count).</param>
/// <param name="Outcome">What happened to it.</param>
/// <param name="ContactId">The contact it created or merged into; null when rejected.</param>
/// <param name="Errors">Why it was rejected (empty otherwise).</param>
/// <param name="RawText">For a rejected row, its text exactly as in the file (decoded), so nothing is lost; null otherwise.</param>
public sealed record ImportRowResult(int Line, ImportRowOutcome Outcome, string? ContactId, IReadOnlyList<RowError> Errors, string? RawText);
