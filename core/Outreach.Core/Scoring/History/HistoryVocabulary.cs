namespace Outreach.Core.Scoring.History;

/// <summary>The spelling of categorical values in history files (lower snake case, matched case-insensitively).</summary>
public static class HistoryVocabulary
{
    private static readonly Dictionary<string, Relationship> Relationships = new(StringComparer.OrdinalIgnoreCase)
    {
        ["met_in_person"] = Relationship.MetInPerson,
        ["class_visit"] = Relationship.ClassVisit,
        ["event"] = Relationship.Event,
        ["linkedin_only"] = Relationship.LinkedInOnly,
        ["cold"] = Relationship.Cold,
        ["other"] = Relationship.Other,
    };

    private static readonly Dictionary<string, Channel> Channels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["email"] = Channel.Email,
        ["linkedin"] = Channel.LinkedIn,
        ["other"] = Channel.Other,
    };

    private static readonly Dictionary<string, TemplateKind> TemplateKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["thank_you"] = TemplateKind.ThankYou,
        ["follow_up"] = TemplateKind.FollowUp,
        ["give_first"] = TemplateKind.GiveFirst,
        ["stay_in_touch"] = TemplateKind.StayInTouch,
        ["intro_ask"] = TemplateKind.IntroAsk,
        ["intro"] = TemplateKind.Intro,
        ["other"] = TemplateKind.Other,
    };

    /// <summary>Parses a relationship; <see langword="false"/> for unknown text.</summary>
    public static bool TryParse(string text, out Relationship value) => Relationships.TryGetValue(text.Trim(), out value);

    /// <summary>Parses a channel; <see langword="false"/> for unknown text.</summary>
    public static bool TryParse(string text, out Channel value) => Channels.TryGetValue(text.Trim(), out value);

    /// <summary>Parses a template kind; <see langword="false"/> for unknown text.</summary>
    public static bool TryParse(string text, out TemplateKind value) => TemplateKinds.TryGetValue(text.Trim(), out value);

    /// <summary>The file spelling of a relationship.</summary>
    public static string ToText(Relationship value) => Relationships.First(p => p.Value == value).Key;

    /// <summary>The file spelling of a channel.</summary>
    public static string ToText(Channel value) => Channels.First(p => p.Value == value).Key;

    /// <summary>The file spelling of a template kind.</summary>
    public static string ToText(TemplateKind value) => TemplateKinds.First(p => p.Value == value).Key;
}
