namespace Outreach.Core.Campaigns;

/// <summary>Wire names of <see cref="TemplateKind"/> (as stored and as written in campaign JSON).</summary>
public static class TemplateKinds
{
    private static readonly Dictionary<string, TemplateKind> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["thank_you"] = TemplateKind.ThankYou,
        ["follow_up"] = TemplateKind.FollowUp,
        ["give_first"] = TemplateKind.StayInTouch,
        ["stay_in_touch"] = TemplateKind.StayInTouch,
        ["intro_ask"] = TemplateKind.IntroAsk,
        ["intro"] = TemplateKind.Intro,
        ["nudge"] = TemplateKind.Nudge,
    };

    /// <summary>The canonical wire name of a kind (<c>give_first</c> and <c>stay_in_touch</c> read as one kind; this writes <c>stay_in_touch</c>).</summary>
    public static string NameOf(TemplateKind kind) => kind switch
    {
        TemplateKind.ThankYou => "thank_you",
        TemplateKind.FollowUp => "follow_up",
        TemplateKind.StayInTouch => "stay_in_touch",
        TemplateKind.IntroAsk => "intro_ask",
        TemplateKind.Intro => "intro",
        TemplateKind.Nudge => "nudge",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown template kind."),
    };

    /// <summary>Parses a wire name.</summary>
    /// <param name="name">The name, e.g. <c>follow_up</c>.</param>
    /// <param name="target">The field the name came from, reported in the error.</param>
    /// <exception cref="DomainException">The name is not a known kind.</exception>
    public static TemplateKind Parse(string? name, string target) =>
        name is not null && ByName.TryGetValue(name.Trim(), out var kind)
            ? kind
            : throw new DomainException(
                "campaign.unknown-template-kind",
                $"'{name}' is not a template kind; use one of {string.Join(", ", ByName.Keys)}.",
                target);

    /// <summary>True for the kinds the introduction workflow sends (they are driven by consent, not by a timetable).</summary>
    public static bool IsIntroductionKind(TemplateKind kind) =>
        kind is TemplateKind.IntroAsk or TemplateKind.Intro or TemplateKind.Nudge;
}
