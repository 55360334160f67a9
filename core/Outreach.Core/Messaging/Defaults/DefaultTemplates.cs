using Outreach.Core.Messaging.Templates;

namespace Outreach.Core.Messaging.Defaults;

/// <summary>
/// The templates Outreach ships: the "Class visit follow-up" campaign (thank-you, follow-up, give-first,
/// stay-in-touch) and pay-it-forward introductions (ask B first, introduce A and B, nudge). Each is 50-125 words
/// with exactly one question, uses the topic and offer when known and reads naturally when they are not.
/// Embedded <c>*.template</c> files (copied to <c>samples/templates/</c>); ids are <c>default-{kind}</c>.
/// </summary>
public static class DefaultTemplates
{
    private const string ResourcePrefix = "Outreach.Core.Messaging.Defaults.";

    private static readonly Lazy<IReadOnlyList<MessageTemplate>> Loaded = new(Load);

    /// <summary>Every shipped template, validated.</summary>
    public static IReadOnlyList<MessageTemplate> All => Loaded.Value;

    /// <summary>The class-visit campaign's templates, in sequence order.</summary>
    public static IReadOnlyList<MessageTemplate> ClassVisitFollowUp =>
        [For(TemplateKind.ThankYou), For(TemplateKind.FollowUp), For(TemplateKind.GiveFirst), For(TemplateKind.StayInTouch)];

    /// <summary>The introduction templates: ask, introduce, nudge.</summary>
    public static IReadOnlyList<MessageTemplate> Introductions =>
        [For(TemplateKind.IntroAsk), For(TemplateKind.Intro), For(TemplateKind.Nudge)];

    /// <summary>The shipped template of a kind.</summary>
    public static MessageTemplate For(TemplateKind kind) => All.Single(t => t.Kind == kind);

    private static List<MessageTemplate> Load()
    {
        var assembly = typeof(DefaultTemplates).Assembly;
        var templates = new List<MessageTemplate>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var kindName = resource[ResourcePrefix.Length..^".template".Length];
            var template = TemplateFile.Parse("default-" + kindName, reader.ReadToEnd());
            TemplateValidator.Validate(template);
            templates.Add(template);
        }

        return templates;
    }
}
