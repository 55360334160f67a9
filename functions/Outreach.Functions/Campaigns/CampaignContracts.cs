using System.Globalization;
using Outreach.Core;
using Outreach.Core.Campaigns;
using Outreach.Core.Messaging.Templates;

namespace Outreach.Functions.Campaigns;

/// <summary>The body of <c>POST /api/campaigns</c> and <c>PUT /api/campaigns/{id}</c>; enums by name, template kinds by wire name.</summary>
internal sealed record CampaignRequest(string? Id, string? Name, IReadOnlyList<string>? SharedWith, IReadOnlyList<StepRequest?>? Steps)
{
    /// <summary>The campaign this body describes, or a <see cref="DomainException"/> naming the field (e.g. <c>steps[1].delay.unit</c>).</summary>
    public Campaign ToCampaign(string campaignId, string ownerId, CampaignOwnerKind ownerKind)
    {
        var steps = Steps ?? [];
        var campaign = new Campaign
        {
            CampaignId = campaignId,
            Name = Name?.Trim() ?? string.Empty,
            OwnerId = ownerId,
            OwnerKind = ownerKind,
            SharedWith = [.. (SharedWith ?? []).Distinct(StringComparer.Ordinal)],
            Steps = [.. steps.Select((s, i) => (s ?? throw new DomainException("campaign.invalid", $"Step {i + 1} is missing.", $"steps[{i}]")).ToStep($"steps[{i}]"))],
        };
        return CampaignValidator.EnsureValid(campaign);
    }
}

/// <summary>One step in a campaign body.</summary>
internal sealed record StepRequest(string? StepId, string? Template, string? TemplateName, string? Channel, DelayBody? Delay, string? SendAt, string? Condition)
{
    public CampaignStep ToStep(string at)
    {
        var delay = Delay ?? throw new DomainException("campaign.invalid", "A step needs a delay ({ amount, unit }).", $"{at}.delay");
        return new CampaignStep
        {
            StepId = StepId?.Trim() ?? string.Empty,
            Template = TemplateKindNames.Parse(Template, $"{at}.template"),
            TemplateName = string.IsNullOrWhiteSpace(TemplateName) ? null : TemplateName.Trim(),
            Channel = ParseEnum(Channel, ChannelPreference.EmailWhenKnown, $"{at}.channel"),
            Delay = new StepDelay(delay.Amount, ParseEnum(delay.Unit, DelayUnit.BusinessDays, $"{at}.delay.unit")),
            SendAt = ParseTime(SendAt, $"{at}.sendAt"),
            Condition = ParseEnum(Condition, StepCondition.OnlyIfNoReply, $"{at}.condition"),
        };
    }

    private static T ParseEnum<T>(string? text, T fallback, string target)
        where T : struct, Enum =>
        text is null ? fallback
        : Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, CultureInfo.InvariantCulture, out _) ? value
        : throw new DomainException("campaign.invalid", $"'{text}' is not one of {string.Join(", ", Enum.GetNames<T>().Select(JsonName))}.", target);

    private static TimeOnly ParseTime(string? text, string target) =>
        text is null ? CampaignStep.DefaultSendAt
        : TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time
        : throw new DomainException("campaign.invalid", $"'{text}' is not a time of day (HH:mm).", target);

    internal static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}

/// <summary>A step delay: an amount of <c>businessDays</c> or <c>calendarDays</c>.</summary>
internal sealed record DelayBody(int Amount, string? Unit);

/// <summary>A campaign as the API shows it.</summary>
internal sealed record CampaignResponse(
    string Id,
    string Name,
    string OwnerId,
    string OwnerKind,
    bool IsDefault,
    bool ReadOnly,
    IReadOnlyList<string> SharedWith,
    IReadOnlyList<StepResponse> Steps,
    bool ForIntroductions)
{
    public static CampaignResponse Of(VisibleCampaign visible)
    {
        var c = visible.Campaign;
        return new CampaignResponse(
            c.CampaignId,
            c.Name,
            c.OwnerId,
            StepRequest.JsonName(c.OwnerKind.ToString()),
            visible.Access == CampaignAccess.Default,
            visible.Access != CampaignAccess.Own,
            visible.Access == CampaignAccess.Shared ? [] : c.SharedWith, // a client never sees the coach's other clients
            [.. c.Steps.Select(StepResponse.Of)],
            c.IsIntroductionFlow);
    }
}

/// <summary>One step as the API shows it (the same shape a request takes).</summary>
internal sealed record StepResponse(string StepId, string Template, string? TemplateName, string Channel, DelayBody Delay, string SendAt, string Condition)
{
    public static StepResponse Of(CampaignStep s) => new(
        s.StepId,
        s.Template.ToName(),
        s.TemplateName,
        StepRequest.JsonName(s.Channel.ToString()),
        new DelayBody(s.Delay.Amount, StepRequest.JsonName(s.Delay.Unit.ToString())),
        s.SendAt.ToString("HH:mm", CultureInfo.InvariantCulture),
        StepRequest.JsonName(s.Condition.ToString()));
}

/// <summary>The list answer.</summary>
internal sealed record CampaignListResponse(IReadOnlyList<CampaignResponse> Campaigns);

/// <summary>The body of <c>POST /api/campaigns/{id}/enrolments</c>.</summary>
internal sealed record EnrolmentRequest(IReadOnlyList<string?>? ContactIds);

/// <summary>What an enrolment did: tasks planned now, tasks that existed already, and who was skipped why.</summary>
internal sealed record EnrolmentResponse(int Planned, int AlreadyPlanned, IReadOnlyList<SkippedContact> Skipped);

/// <summary>A contact (or one of its steps) not planned.</summary>
internal sealed record SkippedContact(string ContactId, string? StepId, string Reason);
