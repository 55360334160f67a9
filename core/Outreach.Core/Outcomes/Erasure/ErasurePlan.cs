namespace Outreach.Core.Outcomes;

/// <summary>
/// What erasing one contact deletes, redacts and keeps (see <see cref="ErasurePlanner"/>).
/// The rule it serves: after the plan is carried out, scanning every table and blob for the contact's email,
/// full name or LinkedIn URL finds nothing (<see cref="FindPersonalData"/> is the test of one text).
/// Holds personal data until carried out: never log it.
/// </summary>
public sealed record ErasurePlan
{
    /// <summary>The owner.</summary>
    public required string OwnerId { get; init; }

    /// <summary>The contact.</summary>
    public required string ContactId { get; init; }

    /// <summary>The steps, contact last so a failed run can be resumed from the contact.</summary>
    public required IReadOnlyList<ErasureStep> Steps { get; init; }

    /// <summary>Anonymous counters to write (or keep) before the tasks are deleted.</summary>
    public required IReadOnlyList<RetainedCounter> RetainedCounters { get; init; }

    /// <summary>The SHA-256 of the email key that replaces the suppression entry, or null without an email.</summary>
    public string? SuppressionHash { get; init; }

    /// <summary>The values that must not be found anywhere afterwards.</summary>
    public required IReadOnlyList<(PersonalDataKind Kind, string Value)> ForbiddenValues { get; init; }

    /// <summary>The kind of the first forbidden value the text contains (case-insensitive), or null when clean.</summary>
    public PersonalDataKind? FindPersonalData(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        foreach (var (kind, value) in ForbiddenValues)
        {
            if (text.Contains(value, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        return null;
    }
}
