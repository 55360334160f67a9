namespace Outreach.Core.Outcomes;

/// <summary>
/// An anonymous count that survives erasure, so dashboards and baselines do not change retroactively:
/// per owner, day, step and template, with no contact id, name or address.
/// </summary>
/// <param name="OwnerId">The owner.</param>
/// <param name="Day">The send day.</param>
/// <param name="Step">The step, or null.</param>
/// <param name="TemplateId">The template, or null.</param>
/// <param name="Sent">Messages sent.</param>
/// <param name="Responded">Of those, answered by a person.</param>
/// <param name="Bounced">Of those, bounced.</param>
public sealed record RetainedCounter(string OwnerId, DateOnly Day, string? Step, string? TemplateId, int Sent, int Responded, int Bounced);
