using Outreach.Core;

namespace Outreach.Core.Messaging.Templates;

/// <summary>
/// The snake_case names template kinds have in files, APIs, campaign JSON and stored rows (one name per kind;
/// names are read case-insensitively).
/// </summary>
public static class TemplateKindNames
{
    private static readonly Dictionary<TemplateKind, string> Names = new()
    {
        [TemplateKind.ThankYou] = "thank_you",
        [TemplateKind.FollowUp] = "follow_up",
        [TemplateKind.GiveFirst] = "give_first",
        [TemplateKind.StayInTouch] = "stay_in_touch",
        [TemplateKind.IntroAsk] = "intro_ask",
        [TemplateKind.Intro] = "intro",
        [TemplateKind.Nudge] = "nudge",
    };

    private static readonly Dictionary<string, TemplateKind> Kinds =
        Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>The wire name of a kind, e.g. <c>thank_you</c>.</summary>
    public static string ToName(this TemplateKind kind) =>
        Names.TryGetValue(kind, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a template kind.");

    /// <summary>Parses a wire name (case-insensitive, surrounding spaces ignored); false when it names no kind.</summary>
    public static bool TryParse(string? name, out TemplateKind kind)
    {
        kind = default;
        return name is not null && Kinds.TryGetValue(name.Trim(), out kind);
    }

    /// <summary>Parses a wire name; an unknown name is a domain error naming <paramref name="target"/>.</summary>
    /// <param name="name">The name, e.g. <c>follow_up</c>.</param>
    /// <param name="target">The field the name came from (e.g. <c>steps[2].template</c>), reported in the error.</param>
    /// <exception cref="DomainException">Code <c>template.unknown-kind</c>: the name is not a known kind.</exception>
    public static TemplateKind Parse(string? name, string target) =>
        TryParse(name, out var kind)
            ? kind
            : throw new DomainException(
                "template.unknown-kind",
                $"'{name}' is not a template kind; use one of {string.Join(", ", Names.Values)}.",
                target);

    /// <summary>True for the kinds the introduction workflow sends (they are driven by consent, not by a timetable).</summary>
    public static bool IsIntroductionKind(this TemplateKind kind) =>
        kind is TemplateKind.IntroAsk or TemplateKind.Intro or TemplateKind.Nudge;
}
