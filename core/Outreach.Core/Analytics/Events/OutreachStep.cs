using Outreach.Core.Messaging.Templates;
using Outreach.Core.Planning;

namespace Outreach.Core.Analytics.Events;

/// <summary>Where in a campaign an outreach sits; introductions and one-off notes have no campaign.</summary>
/// <param name="CampaignId">The campaign, or null.</param>
/// <param name="Step">The step's key within the campaign (e.g. <c>thank-you</c>), or null.</param>
/// <param name="TemplateId">The template it was rendered from, or null.</param>
public sealed record OutreachStep(string? CampaignId, string? Step, string? TemplateId)
{
    /// <summary>
    /// The step a task was planned for, named by its template: the owner's template name, else the kind's name as the API
    /// and the templates list give it (<c>thank_you</c>). Counters written before were keyed by the kind's name in code
    /// (<c>ThankYou</c>); <see cref="Reports.TemplateGroupKey"/> reads those as the same template.
    /// </summary>
    public static OutreachStep Of(OutreachTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new OutreachStep(task.CampaignId, task.StepId, task.TemplateName ?? task.Template.ToName());
    }
}
