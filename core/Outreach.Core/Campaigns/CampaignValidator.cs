using Outreach.Core.Messaging.Templates;
namespace Outreach.Core.Campaigns;

/// <summary>Rejects campaigns the planner could not run, naming the offending field (e.g. <c>steps[1].delay</c>).</summary>
public static class CampaignValidator
{
    /// <summary>The longest delay a step may have: ten years, far past any follow-up and well inside the calendar.</summary>
    public const int MaxDelayDays = 3650;

    /// <summary>The most steps a campaign may have (a quarterly note for 25 years): with <see cref="MaxDelayDays"/>, every due date stays inside the calendar.</summary>
    public const int MaxSteps = 100;

    /// <summary>Throws when the campaign is not runnable; returns it unchanged otherwise, so calls can be chained.</summary>
    /// <exception cref="DomainException">Code <c>campaign.invalid</c> (or <c>campaign.unknown-template-kind</c>) with the field as target.</exception>
    public static Campaign EnsureValid(Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        Require(!string.IsNullOrWhiteSpace(campaign.CampaignId), "campaignId", "A campaign needs an id.");
        Require(!string.IsNullOrWhiteSpace(campaign.Name), "name", "A campaign needs a name.");
        Require(!string.IsNullOrWhiteSpace(campaign.OwnerId), "ownerId", "A campaign needs an owner.");
        Require(Enum.IsDefined(campaign.OwnerKind), "ownerKind", $"'{campaign.OwnerKind}' is not an owner kind.");
        Require(
            campaign.SharedWith.Count == 0 || campaign.OwnerKind == CampaignOwnerKind.Coach,
            "sharedWith",
            "Only a coach's campaign can be shared with clients.");
        Require(campaign.SharedWith.All(id => !string.IsNullOrWhiteSpace(id)), "sharedWith", "A shared-with entry is empty.");
        Require(campaign.Steps is { Count: > 0 }, "steps", "A campaign needs at least one step.");
        Require(campaign.Steps.Count <= MaxSteps, "steps", $"A campaign has at most {MaxSteps} steps; this one has {campaign.Steps.Count}.");

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < campaign.Steps.Count; i++)
        {
            var step = campaign.Steps[i];
            var at = $"steps[{i}]";
            Require(step is not null, at, $"Step {i + 1} is missing.");
            Require(!string.IsNullOrWhiteSpace(step!.StepId), $"{at}.stepId", $"Step {i + 1} needs an id.");
            Require(seen.Add(step.StepId), $"{at}.stepId", $"Step id '{step.StepId}' is used twice.");
            if (!Enum.IsDefined(step.Template))
            {
                throw new DomainException("campaign.unknown-template-kind", $"Step '{step.StepId}' has an unknown template kind ({(int)step.Template}).", $"{at}.template");
            }

            Require(step.Delay.Amount >= 0, $"{at}.delay", $"Step '{step.StepId}' has a negative delay ({step.Delay.Amount} days).");
            Require(
                step.Delay.Amount <= MaxDelayDays,
                $"{at}.delay",
                $"Step '{step.StepId}' has a delay of {step.Delay.Amount} days; the longest is {MaxDelayDays} (ten years).");
            Require(Enum.IsDefined(step.Delay.Unit), $"{at}.delay", $"Step '{step.StepId}' has an unknown delay unit.");
            Require(Enum.IsDefined(step.Channel), $"{at}.channel", $"Step '{step.StepId}' has an unknown channel preference.");
            Require(Enum.IsDefined(step.Condition), $"{at}.condition", $"Step '{step.StepId}' has an unknown condition.");
        }

        var introductionSteps = campaign.Steps.Count(s => TemplateKindNames.IsIntroductionKind(s.Template));
        Require(
            introductionSteps == 0 || introductionSteps == campaign.Steps.Count,
            "steps",
            "Introduction messages (intro_ask, intro, nudge) are driven by consent, so they cannot be mixed with timetabled steps in one campaign.");
        return campaign;
    }

    private static void Require(bool condition, string target, string message)
    {
        if (!condition)
        {
            throw new DomainException("campaign.invalid", message, target);
        }
    }
}
