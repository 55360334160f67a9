using Outreach.Core.Campaigns;
using Outreach.Core.Planning;
using Outreach.Core.Messaging.Templates;

namespace Outreach.Core.Introductions;

/// <summary>
/// Turns the commands of an introduction transition into tasks for the ordinary send pipeline, using the templates and
/// channels of an introduction campaign (<see cref="DefaultCampaigns.PayItForwardIntroduction"/> by default). Each task
/// is due at the next opening of the sender's window; its id is derived from (owner, introduction, step, recipient),
/// so planning the same command twice yields the same task.
/// </summary>
/// <param name="time">The clock.</param>
public sealed class IntroductionTaskPlanner(TimeProvider time)
{
    /// <summary>The tasks for <paramref name="transition"/>'s commands.</summary>
    /// <param name="transition">A workflow result.</param>
    /// <param name="campaign">An introduction campaign with one step each of intro_ask, intro and nudge.</param>
    /// <param name="schedule">The introducer's sending schedule.</param>
    /// <param name="suppression">A suppressed recipient's task is planned skipped.</param>
    /// <exception cref="DomainException">The campaign lacks a step for a command's template kind.</exception>
    public IReadOnlyList<OutreachTask> TasksFor(IntroductionTransition transition, Campaign campaign, SenderSchedule schedule, ISuppressionCheck suppression)
    {
        ArgumentNullException.ThrowIfNull(transition);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(suppression);
        CampaignValidator.EnsureValid(campaign);
        var due = schedule.NextOpening(time.GetUtcNow());
        var introduction = transition.Introduction;
        return [.. transition.Commands.Select(command => command switch
        {
            SendConsentAsk ask => Task(introduction, campaign, TemplateKind.IntroAsk, ask.ToContactId, [], copyOwner: false, due, suppression),
            SendIntroduction intro => Task(introduction, campaign, TemplateKind.Intro, intro.ToContactIds[0], intro.ToContactIds.Skip(1).ToList(), copyOwner: true, due, suppression),
            SendNudge nudge => Task(introduction, campaign, TemplateKind.Nudge, nudge.ToContactId, [], copyOwner: false, due, suppression),
            _ => throw new ArgumentOutOfRangeException(nameof(transition), command.GetType().Name, "Unknown introduction command."),
        })];
    }

    private static OutreachTask Task(
        Introduction introduction, Campaign campaign, TemplateKind kind, string toContactId, IReadOnlyList<string> alsoTo, bool copyOwner,
        DateTimeOffset due, ISuppressionCheck suppression)
    {
        var campaignStep = campaign.Steps.FirstOrDefault(s => s.Template == kind)
            ?? throw new DomainException(
                "campaign.missing-step",
                $"Campaign '{campaign.CampaignId}' has no {TemplateKindNames.ToName(kind)} step for introduction messages.",
                "campaignId");
        var suppressed = new[] { toContactId }.Concat(alsoTo).Any(id => suppression.IsSuppressed(introduction.OwnerId, id, emailKey: null));
        return new OutreachTask
        {
            TaskId = TaskIds.ForIntroduction(introduction.OwnerId, introduction.IntroductionId, campaignStep.StepId, toContactId),
            OwnerId = introduction.OwnerId,
            ContactId = toContactId,
            AlsoToContactIds = alsoTo,
            CopyOwner = copyOwner,
            CampaignId = campaign.CampaignId,
            StepId = campaignStep.StepId,
            IntroductionId = introduction.IntroductionId,
            Template = kind,
            TemplateName = campaignStep.TemplateName,
            Channel = TaskChannel.Email,
            Condition = campaignStep.Condition,
            DueUtc = due,
            State = suppressed ? TaskState.Skipped : TaskState.Planned,
            SkipReason = suppressed ? SkipReasons.Suppressed : null,
        };
    }
}
