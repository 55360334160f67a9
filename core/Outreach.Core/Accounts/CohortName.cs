using Outreach.Core.Analytics.Counters;

namespace Outreach.Core.Accounts;

/// <summary>
/// The name a coach files a client under (a class, a programme, "Spring 2027 MBA"): one line of at most
/// <see cref="MaxLength"/> characters, whitespace collapsed, so "Spring  2027" and "Spring 2027 " are one cohort.
/// </summary>
public static class CohortName
{
    /// <summary>The longest cohort name accepted.</summary>
    public const int MaxLength = 80;

    /// <summary>The normalised name, or null when <paramref name="value"/> is null or blank (no cohort).</summary>
    /// <param name="value">The name as the coach typed it.</param>
    /// <param name="target">The field a refusal names.</param>
    /// <exception cref="DomainException">The name holds a control character, is too long, or is the name metrics give no cohort.</exception>
    public static string? Parse(string? value, string target)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Any(c => char.IsControl(c) && !char.IsWhiteSpace(c)))
        {
            throw new DomainException("cohort.bad-name", "A cohort name holds no control characters.", target);
        }

        var collapsed = string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (collapsed.Length > MaxLength)
        {
            throw new DomainException("cohort.bad-name", $"A cohort name is at most {MaxLength} characters.", target);
        }

        // The metrics name clients in no cohort so; a cohort called that would be counted with them.
        return string.Equals(collapsed, DimensionValue.None, StringComparison.OrdinalIgnoreCase)
            ? throw new DomainException("cohort.bad-name", $"'{DimensionValue.None}' stands for clients in no cohort; send null or blank to take a client out of theirs.", target)
            : collapsed;
    }
}
