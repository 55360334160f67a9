namespace Outreach.Core.Outcomes;

/// <summary>A task of the contact being erased, reduced to what the anonymous counters need.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="SentOn">The day (in the owner's time zone) it was sent, or null if it never went out.</param>
/// <param name="Step">The campaign step or introduction stage, e.g. <c>thank-you</c>.</param>
/// <param name="TemplateId">The template it was rendered from.</param>
public sealed record ErasureTask(string TaskId, DateOnly? SentOn, string? Step, string? TemplateId);
