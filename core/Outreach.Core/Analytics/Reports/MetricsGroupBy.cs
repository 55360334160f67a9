namespace Outreach.Core.Analytics.Reports;

/// <summary>How metrics rows are grouped (<c>groupBy</c> in <c>GET /api/metrics</c>).</summary>
public enum MetricsGroupBy
{
    /// <summary>One row per owner.</summary>
    Owner,

    /// <summary>One row per cohort the coach files clients under (<see cref="MetricsQuery.Cohorts"/>); no cohort is one row too.</summary>
    Cohort,

    /// <summary>One row per event where contacts were met.</summary>
    Event,

    /// <summary>One row per campaign (send and reply figures only).</summary>
    Campaign,

    /// <summary>One row per campaign step (send and reply figures only).</summary>
    Step,

    /// <summary>One row per template (send and reply figures only).</summary>
    Template,

    /// <summary>One row per ISO 8601 week (<c>2026-W47</c>) of the owner-local days; the first and last week are clipped to the range.</summary>
    Week,
}
