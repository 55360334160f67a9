namespace Outreach.Core.Contacts;

/// <summary>
/// A person a student or coach met. Owned by exactly one owner; everything about them is partitioned by
/// <see cref="OwnerId"/>. LinkedIn exports often lack an email, so <see cref="Email"/> is optional and the
/// planner falls back to a drafted LinkedIn message.
/// </summary>
public sealed record Contact
{
    /// <summary>The owner (student, job seeker or coach's client) whose contact this is.</summary>
    public required string OwnerId { get; init; }

    /// <summary>Stable id within the owner (deterministic from the first identity the contact was seen with).</summary>
    public required string ContactId { get; init; }

    /// <summary>Given name as the person writes it.</summary>
    public string? FirstName { get; init; }

    /// <summary>Family name.</summary>
    public string? LastName { get; init; }

    /// <summary>Email as imported (kept for display and sending); match on <see cref="EmailKey"/>.</summary>
    public string? Email { get; init; }

    /// <summary>Lower-cased email for matching and suppression, or null.</summary>
    public string? EmailKey => Email?.Trim().ToLowerInvariant();

    /// <summary>Canonical LinkedIn profile URL (<c>https://www.linkedin.com/in/handle</c>), or null.</summary>
    public string? LinkedInUrl { get; init; }

    /// <summary>Employer or organisation.</summary>
    public string? Company { get; init; }

    /// <summary>Job title as written (seniority is parsed from it for scoring).</summary>
    public string? Position { get; init; }

    /// <summary>When the LinkedIn connection was made, if known.</summary>
    public DateOnly? ConnectedOn { get; init; }

    /// <summary>
    /// The owner-local day the contact was first imported (kept when later imports merge into it), or null for a contact
    /// stored before it was recorded. A contact with no meeting date and no LinkedIn connection date is counted as met
    /// on this day, and its follow-up clock starts here: a sequence enrolled days later is that many days late.
    /// </summary>
    public DateOnly? AddedOn { get; init; }

    /// <summary>Every occasion the owner met this person (merged across imports, never dropped).</summary>
    public IReadOnlyList<EventMet> Events { get; init; } = [];

    /// <summary>What was talked about; notes from several imports are appended, not overwritten.</summary>
    public string? Notes { get; init; }

    /// <summary>What the owner can offer this person (give-first, reciprocity).</summary>
    public string? Offer { get; init; }

    /// <summary>Free-form tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Where the contact was first imported from.</summary>
    public ContactSource? Source { get; init; }

    /// <summary>Full display name ("First Last"), or null when neither part is known.</summary>
    public string? FullName =>
        string.Join(' ', new[] { FirstName, LastName }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } n ? n : null;

    /// <summary>The most recent meeting, used for "days since met" and the first campaign step.</summary>
    public EventMet? LastMet => Events.Where(e => e.MetOn is not null).MaxBy(e => e.MetOn) ?? (Events.Count > 0 ? Events[^1] : null);
}

/// <summary>An occasion where the owner met the contact.</summary>
/// <param name="Name">The event (class visit, career fair, meetup), or null.</param>
/// <param name="MetOn">The date they met, or null when unknown.</param>
public sealed record EventMet(string? Name, DateOnly? MetOn);

/// <summary>The import a contact first came from.</summary>
/// <param name="ImportId">The import's id.</param>
/// <param name="FileName">The uploaded file's name.</param>
/// <param name="Line">The physical line number of the row in that file.</param>
public sealed record ContactSource(string ImportId, string FileName, int Line);
