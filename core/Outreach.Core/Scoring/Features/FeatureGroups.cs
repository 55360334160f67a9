namespace Outreach.Core.Scoring.Features;

/// <summary>
/// The groups of encoded columns that explanations and permutation importance speak about: one group per thing
/// a student can change or recognise (how they know the person, how long the message is, ...).
/// Extra columns form one group each, named <c>extra:NAME</c>.
/// </summary>
public static class FeatureGroups
{
#pragma warning disable CS1591 // Each name says what the group holds; docs/history-schema.md describes the encoding.
    public const string Relationship = "relationship";
    public const string Recency = "recency";
    public const string Step = "step";
    public const string Channel = "channel";
    public const string TemplateKind = "template_kind";
    public const string Personalisation = "personalisation";
    public const string Reciprocity = "reciprocity";
    public const string Seniority = "seniority";
    public const string Length = "length";
    public const string Questions = "questions";
    public const string Weekend = "weekend";
    public const string Hour = "hour";
#pragma warning restore CS1591

    /// <summary>The group name of an extra numeric column.</summary>
    public static string Extra(string column) => "extra:" + column;
}
