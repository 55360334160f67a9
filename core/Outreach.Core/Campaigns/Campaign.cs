using Outreach.Core.Messaging.Templates;
namespace Outreach.Core.Campaigns;

/// <summary>
/// An ordered sequence of steps (thank-you, follow-up, stay-in-touch...) that contacts are enrolled into. Owned by a
/// student for their own contacts, or by a coach who shares it with clients; a client enrolls their own contacts into
/// a shared campaign and the tasks belong to the client. Check it with <see cref="CampaignValidator"/>.
/// </summary>
public sealed record Campaign
{
    /// <summary>Id unique within the owner; part of every task id.</summary>
    public required string CampaignId { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>The student or coach who owns the campaign.</summary>
    public required string OwnerId { get; init; }

    /// <summary>Whether the owner is a student or a coach.</summary>
    public CampaignOwnerKind OwnerKind { get; init; } = CampaignOwnerKind.Student;

    /// <summary>Owner ids of the coach's clients who may use the campaign (coach campaigns only).</summary>
    public IReadOnlyList<string> SharedWith { get; init; } = [];

    /// <summary>The steps, in sending order.</summary>
    public required IReadOnlyList<CampaignStep> Steps { get; init; }

    /// <summary>True when the campaign carries the introduction workflow's messages rather than a timetable.</summary>
    public bool IsIntroductionFlow => Steps.Count > 0 && Steps.All(s => TemplateKindNames.IsIntroductionKind(s.Template));

    /// <summary>Whether <paramref name="ownerId"/> may enroll their contacts into this campaign.</summary>
    public bool IsAvailableTo(string ownerId) =>
        string.Equals(OwnerId, ownerId, StringComparison.Ordinal) || SharedWith.Contains(ownerId, StringComparer.Ordinal);

    /// <summary>The step with the given id.</summary>
    /// <exception cref="DomainException">No such step.</exception>
    public CampaignStep StepById(string stepId) =>
        Steps.FirstOrDefault(s => string.Equals(s.StepId, stepId, StringComparison.Ordinal))
        ?? throw new DomainException("campaign.unknown-step", $"Campaign '{CampaignId}' has no step '{stepId}'.", "stepId");
}
