namespace Outreach.Core.Analytics.Counters;

/// <summary>
/// Identifies the fact an increment stands for, so applying it twice counts it once. A store keeps one marker per
/// (dedupe key, cell, counter). <see cref="SubjectId"/> is the contact the fact is about: erasing a contact
/// deletes every marker with its id while the anonymous counts stay.
/// </summary>
/// <param name="OwnerId">The owner.</param>
/// <param name="SubjectId">The contact the fact is about.</param>
/// <param name="Fact">What happened, e.g. <c>sent:task-7</c> or <c>followed-up-2d:2026-11-20</c>.</param>
public sealed record DedupeKey(string OwnerId, string SubjectId, string Fact)
{
    /// <summary>A single string form (<c>owner/subject/fact</c>) for stores that need one key column.</summary>
    public override string ToString() => $"{OwnerId}/{SubjectId}/{Fact}";
}
