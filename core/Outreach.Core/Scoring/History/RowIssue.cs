namespace Outreach.Core.Scoring.History;

/// <summary>One problem found in a history file.</summary>
/// <param name="Line">The 1-based line number in the file (the header is line 1).</param>
/// <param name="Field">The column name.</param>
/// <param name="Kind">What the reader did about it.</param>
/// <param name="Message">A sentence saying what was wrong, without personal data.</param>
public sealed record RowIssue(int Line, string Field, RowIssueKind Kind, string Message);
