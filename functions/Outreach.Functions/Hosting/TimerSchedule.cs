using NCrontab;

namespace Outreach.Functions.Hosting;

/// <summary>
/// Six-field NCRONTAB (<c>{second} {minute} {hour} {day} {month} {day-of-week}</c>), the format of Functions timer
/// triggers. Occurrences are in UTC: Flex Consumption ignores WEBSITE_TIME_ZONE, so UTC is what Azure does too.
/// </summary>
internal sealed class TimerSchedule
{
    private static readonly CrontabSchedule.ParseOptions SixFields = new() { IncludingSeconds = true };
    private readonly CrontabSchedule _schedule;

    private TimerSchedule(CrontabSchedule schedule, string expression)
    {
        _schedule = schedule;
        Expression = expression;
    }

    public string Expression { get; }

    /// <param name="expression">The schedule text.</param>
    /// <param name="where">Names the file and binding in the error message.</param>
    public static TimerSchedule Parse(string? expression, string where)
    {
        var schedule = string.IsNullOrWhiteSpace(expression) ? null : CrontabSchedule.TryParse(expression, SixFields);
        return schedule is null
            ? throw new FunctionAppConfigurationException(
                $"{where}: schedule '{expression}' is not a six-field NCRONTAB expression ({{second}} {{minute}} {{hour}} {{day}} {{month}} {{day-of-week}}).")
            : new TimerSchedule(schedule, expression!);
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset after) =>
        new(DateTime.SpecifyKind(_schedule.GetNextOccurrence(after.UtcDateTime), DateTimeKind.Utc));
}
