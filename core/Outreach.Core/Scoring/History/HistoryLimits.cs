namespace Outreach.Core.Scoring.History;

/// <summary>
/// The documented ranges of the numeric history columns. Values outside are clipped to the nearest bound by
/// <see cref="HistoryCsv"/> and counted as <see cref="RowIssueKind.Clipped"/>: a negative day count is a data-entry slip,
/// and a 40,000-word "message" is a pasted document, neither worth losing the row over.
/// </summary>
public static class HistoryLimits
{
    /// <summary>Largest <c>days_since_met</c> kept (ten years).</summary>
    public const double MaxDaysSinceMet = 3650;

    /// <summary>Largest sequence step kept.</summary>
    public const int MaxStep = 10;

    /// <summary>Largest personal note kept, in characters.</summary>
    public const int MaxPersonalNoteChars = 5000;

    /// <summary>Largest question count kept.</summary>
    public const int MaxQuestionCount = 50;

    /// <summary>Largest word count kept.</summary>
    public const int MaxWordCount = 5000;
}
