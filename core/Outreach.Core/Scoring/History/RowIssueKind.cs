namespace Outreach.Core.Scoring.History;

/// <summary>What the history reader did about a value it could not take as written.</summary>
public enum RowIssueKind
{
    /// <summary>The value could not be parsed (or a required value was missing): the row was skipped.</summary>
    Skipped,

    /// <summary>A number was outside <see cref="HistoryLimits"/> and was clipped.</summary>
    Clipped,

    /// <summary>An optional value was missing and was imputed (see the schema document for the rule).</summary>
    Imputed,

    /// <summary>A category the schema does not know (or an empty one) was mapped to the "other" level.</summary>
    UnknownCategory,
}
