using System.Globalization;

namespace Outreach.Core.Analytics.Reports;

/// <summary>ISO 8601 week keys (<c>2026-W53</c>): weeks start on Monday and belong to the year of their Thursday.</summary>
public static class IsoWeekKey
{
    /// <summary>The key of the week containing <paramref name="day"/>; keys sort in time order as ordinal strings.</summary>
    /// <param name="day">A day.</param>
    public static string Of(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date):D4}-W{ISOWeek.GetWeekOfYear(date):D2}");
    }

    /// <summary>The Monday starting the week named by <paramref name="key"/>.</summary>
    /// <param name="key">A key made by <see cref="Of"/>.</param>
    public static DateOnly MondayOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != 8 || key[4] != '-' || key[5] != 'W'
            || !int.TryParse(key.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(key.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            || week < 1 || week > ISOWeek.GetWeeksInYear(year))
        {
            throw new ArgumentException($"'{key}' is not an ISO week key like 2026-W47.", nameof(key));
        }

        return DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
    }
}
