using Outreach.Core.Outcomes;

namespace Outreach.Functions.Outcomes;

/// <summary>The body of <c>POST /api/outcomes</c>: <c>taskId</c> or <c>contactId</c> (or both), the type, and optionally when and a note.</summary>
internal sealed record ManualOutcomeBody(string? TaskId, string? ContactId, string? Type, DateTimeOffset? OccurredUtc, string? Note);

/// <summary>One outcome in the API's shape.</summary>
internal sealed record OutcomeResponse(string ContactId, string? TaskId, string Type, DateTimeOffset OccurredUtc, string Source)
{
    public static OutcomeResponse Of(Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new(outcome.ContactId, outcome.TaskId, OutcomeNames.Of(outcome.Type), outcome.OccurredAt.ToUniversalTime(), OutcomeNames.Of(outcome.Source));
    }
}

/// <summary>The answer of <c>GET /api/outcomes</c>: newest first.</summary>
internal sealed record OutcomeListResponse(IReadOnlyList<OutcomeResponse> Outcomes);
