using System.Globalization;

namespace Outreach.Core.Analytics.Reports;

/// <summary>
/// What to report: which owners (one, or a coach's consenting clients; access is checked by the caller), which
/// owner-local days (<see cref="From"/> and <see cref="To"/> both inclusive) and how to group. Meeting figures
/// cover contacts met in the range; send and reply figures cover outreach sent in the range.
/// </summary>
public sealed record MetricsQuery
{
    /// <summary>The longest range one query may cover, in days, so a read stays bounded.</summary>
    public const int MaxDays = 366;

    /// <summary>Creates a query, checking every parameter.</summary>
    /// <param name="ownerIds">One or more owners.</param>
    /// <param name="from">First owner-local day, inclusive.</param>
    /// <param name="to">Last owner-local day, inclusive.</param>
    /// <param name="groupBy">The grouping.</param>
    /// <exception cref="DomainException">A parameter is invalid; <see cref="DomainException.Target"/> names it.</exception>
    public MetricsQuery(IReadOnlyList<string> ownerIds, DateOnly from, DateOnly to, MetricsGroupBy groupBy)
    {
        ArgumentNullException.ThrowIfNull(ownerIds);
        if (ownerIds.Count == 0 || ownerIds.Any(string.IsNullOrWhiteSpace))
        {
            throw new DomainException("metrics.owners-missing", "Name at least one owner, and no blank owner ids.", "ownerIds");
        }

        if (from > to)
        {
            throw new DomainException("metrics.range-inverted", "'from' must not be after 'to'.", "from");
        }

        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            throw new DomainException(
                "metrics.range-too-long",
                string.Create(CultureInfo.InvariantCulture, $"A metrics range covers at most {MaxDays} days; narrow 'from'..'to'."),
                "to");
        }

        if (!Enum.IsDefined(groupBy))
        {
            throw new DomainException("metrics.group-unknown", "Unknown grouping.", "groupBy");
        }

        OwnerIds = ownerIds.Distinct(StringComparer.Ordinal).ToArray();
        From = from;
        To = to;
        GroupBy = groupBy;
    }

    /// <summary>The owners, without duplicates.</summary>
    public IReadOnlyList<string> OwnerIds { get; }

    /// <summary>First owner-local day, inclusive.</summary>
    public DateOnly From { get; }

    /// <summary>Last owner-local day, inclusive.</summary>
    public DateOnly To { get; }

    /// <summary>The grouping.</summary>
    public MetricsGroupBy GroupBy { get; }

    /// <summary>
    /// The owner-local day the report is read on. A meeting counts towards "followed up within N days" (numerator and
    /// denominator) only once those N days are over, on day N + 1 after it: until then it may still be followed up in
    /// time, and counting it as not followed up would make every current week look worse than it is. Null counts every
    /// meeting in range, as if all their windows were over.
    /// </summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>
    /// The cohort each owner is filed under, for <see cref="MetricsGroupBy.Cohort"/>: the cohorts of the coach whose view
    /// this is (<see cref="Accounts.CoachRoster"/>). Owners missing from it are in no cohort. Read when the report is,
    /// so filing a client under a cohort regroups their whole history at once.
    /// </summary>
    public IReadOnlyDictionary<string, string> Cohorts { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Parses the query-string form: dates as <c>yyyy-MM-dd</c>, <paramref name="groupBy"/> one of
    /// <c>owner|cohort|event|campaign|step|template|week</c> (case-insensitive; <c>owner</c> when absent).
    /// </summary>
    /// <param name="ownerIds">The owners the caller may see and asked for.</param>
    /// <param name="from">The <c>from</c> parameter.</param>
    /// <param name="to">The <c>to</c> parameter.</param>
    /// <param name="groupBy">The <c>groupBy</c> parameter.</param>
    /// <exception cref="DomainException">A parameter is missing or invalid; <see cref="DomainException.Target"/> names it.</exception>
    public static MetricsQuery Parse(IReadOnlyList<string> ownerIds, string? from, string? to, string? groupBy) =>
        new(ownerIds, ParseDay(from, "from"), ParseDay(to, "to"), ParseGroupBy(groupBy));

    private static DateOnly ParseDay(string? value, string parameter)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        // The value read is quoted back: 2026-02-30 is written the right way but is no day, and a parameter given twice
        // arrives as both values joined by a comma; "must be written yyyy-MM-dd" alone leaves either a puzzle.
        var shown = value is { Length: > 40 } ? value[..40] + "…" : value;
        throw new DomainException(
            "metrics.date-invalid",
            string.IsNullOrEmpty(shown) ? $"'{parameter}' must be a date written yyyy-MM-dd." : $"'{parameter}' must be a day of the calendar written yyyy-MM-dd; '{shown}' is not one.",
            parameter);
    }

    /// <summary>Parses the <c>groupBy</c> parameter alone (<c>owner</c> when absent), for callers that decide whose counters to read by it.</summary>
    /// <param name="value">The <c>groupBy</c> parameter.</param>
    /// <exception cref="DomainException">The grouping is unknown; the target is <c>groupBy</c>.</exception>
    public static MetricsGroupBy ParseGroupBy(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return MetricsGroupBy.Owner;
        }

        // Names only: Enum.TryParse would also accept "3" or "owner,week".
        foreach (var candidate in Enum.GetValues<MetricsGroupBy>())
        {
            if (string.Equals(candidate.ToString(), value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        throw new DomainException(
            "metrics.group-unknown",
            "'groupBy' must be one of owner, cohort, event, campaign, step, template, week.",
            "groupBy");
    }
}
