using System.Globalization;
using Outreach.Core.Scoring.Features;
using Outreach.Core.Scoring.History;

namespace Outreach.Core.Scoring;

/// <summary>Says what an outreach has in each feature group, in words a student understands.</summary>
/// <remarks>
/// A LinkedIn-only contact's day count runs from the connection, not from a meeting (<c>docs/history-schema.md</c>), so
/// its recency says "Connected on LinkedIn … ago": the student never met them.
/// </remarks>
internal static class ContributionWording
{
    public static string Describe(string group, OutreachFeatures f, FeatureSchema schema) => group switch
    {
        FeatureGroups.Relationship => f.Relationship switch
        {
            Relationship.MetInPerson => "You met in person",
            Relationship.ClassVisit => "They visited your class",
            Relationship.Event => "You met at an event",
            Relationship.LinkedInOnly => "Connected on LinkedIn only",
            Relationship.Cold => "Cold contact: you have not met",
            _ => "Unknown relationship",
        },
        FeatureGroups.Recency => f.DaysSinceMet is { } days
            ? $"{(f.Relationship == Relationship.LinkedInOnly ? "Connected on LinkedIn" : "Met")} {Whole(days)} day{(Math.Round(days) == 1 ? string.Empty : "s")} ago"
            : "No meeting date",
        FeatureGroups.Step => f.Step switch
        {
            1 => "First message",
            2 => "First follow-up",
            3 => "Second follow-up",
            4 => "Third follow-up",
            _ => $"Follow-up number {Whole(f.Step - 1)}",
        },
        FeatureGroups.Channel => f.Channel switch
        {
            Channel.Email => "Sent by email",
            Channel.LinkedIn => "Sent as a LinkedIn message",
            _ => "Unknown channel",
        },
        FeatureGroups.TemplateKind => f.TemplateKind switch
        {
            TemplateKind.ThankYou => "A thank-you note",
            TemplateKind.FollowUp => "A follow-up note",
            TemplateKind.GiveFirst => "Gives something first",
            TemplateKind.StayInTouch => "A stay-in-touch note",
            TemplateKind.IntroAsk => "Asks about an introduction",
            TemplateKind.Intro => "An introduction",
            _ => "Unknown kind of note",
        },
        FeatureGroups.Personalisation => f.PersonalNoteChars switch
        {
            null => "Personal note not measured",
            { } chars when chars > 0 => $"Personal note: {Whole(chars)} characters",
            _ => "No personal note",
        },
        FeatureGroups.Reciprocity => f.OffersHelp ? "Offers help" : "No offer of help",
        FeatureGroups.Seniority => SeniorityParser.Parse(f.RecipientPosition) switch
        {
            Seniority.Intern => "Recipient is an intern or student",
            Seniority.Junior => "Recipient is junior",
            Seniority.Senior => "Recipient is an experienced professional",
            Seniority.Manager => "Recipient is a manager",
            Seniority.Director => "Recipient is a director",
            Seniority.VicePresident => "Recipient is a vice president",
            Seniority.Executive => "Recipient is an executive or founder",
            _ => "Recipient's seniority unknown",
        },
        FeatureGroups.Length => f.WordCount is { } words ? Length(words) : "Message length not measured",
        FeatureGroups.Questions => f.QuestionCount switch
        {
            null => "Questions not measured",
            0 => "No question asked",
            1 => "Asks one question",
            { } questions when questions <= 3 => $"Asks {Whole(questions)} questions",
            { } questions => $"Many questions: {Whole(questions)}",
        },
        FeatureGroups.Weekend => FeatureBins.IsWeekend(f.SentAt) ? "Sent on a weekend" : "Sent on a weekday",
        FeatureGroups.Hour => $"Sent around {f.SentAt.Hour.ToString("00", CultureInfo.InvariantCulture)}:00 local time",
        _ when group.StartsWith("extra:", StringComparison.Ordinal) => Extra(group["extra:".Length..], f),
        _ => group,
    };

    private static string Length(int words)
    {
        var label = FeatureBins.Length(words) switch
        {
            0 => "Very short message",
            1 => "Short message",
            2 => "Message of a good length",
            3 => "Slightly long message",
            4 => "Long message",
            _ => "Very long message",
        };
        return $"{label}: {Whole(words)} words";
    }

    private static string Extra(string column, OutreachFeatures f) =>
        f.Extras is { } extras && extras.TryGetValue(column, out var v)
            ? $"{column} = {v.ToString("0.##", CultureInfo.InvariantCulture)}"
            : $"{column} missing";

    private static string Whole(double value) => Math.Round(value).ToString("0", CultureInfo.InvariantCulture);
}
