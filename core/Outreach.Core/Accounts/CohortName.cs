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
    /// <exception cref="DomainException">The name holds a control character or is too long.</exception>
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
        return collapsed.Length <= MaxLength
            ? collapsed
            : throw new DomainException("cohort.bad-name", $"A cohort name is at most {MaxLength} characters.", target);
    }
}
