namespace Outreach.Core.Scoring.History;

/// <summary>The rows read from a history file and every issue found on the way.</summary>
/// <param name="Rows">The usable rows, in file order.</param>
/// <param name="Issues">Every skipped, clipped, imputed or unknown value, in file order.</param>
public sealed record HistoryReadResult(IReadOnlyList<HistoryRow> Rows, IReadOnlyList<RowIssue> Issues)
{
    /// <summary>How many issues of one kind were found.</summary>
    public int CountOf(RowIssueKind kind) => Issues.Count(i => i.Kind == kind);

    /// <summary>How many rows were skipped (one row may report several unparseable fields).</summary>
    public int SkippedRows => Issues.Where(i => i.Kind == RowIssueKind.Skipped).Select(i => i.Line).Distinct().Count();
}
