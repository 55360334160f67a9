namespace Outreach.Core.Scoring.History;

/// <summary>The column names of a history file, in the order <see cref="HistoryCsv"/> writes them.</summary>
public static class HistoryColumns
{
#pragma warning disable CS1591 // The names are the documentation: see docs/history-schema.md.
    public const string OutreachId = "outreach_id";
    public const string OwnerId = "owner_id";
    public const string SentAt = "sent_at";
    public const string RecipientPosition = "recipient_position";
    public const string Relationship = "relationship";
    public const string DaysSinceMet = "days_since_met";
    public const string Step = "step";
    public const string Channel = "channel";
    public const string TemplateKind = "template_kind";
    public const string PersonalNoteChars = "personal_note_chars";
    public const string OffersHelp = "offers_help";
    public const string QuestionCount = "question_count";
    public const string WordCount = "word_count";
    public const string Replied = "replied";
    public const string TrueProbability = "true_p";
#pragma warning restore CS1591

    /// <summary>The columns every history file must have (<c>true_p</c> and extra numeric columns are optional).</summary>
    public static IReadOnlyList<string> Required { get; } =
    [
        OutreachId, OwnerId, SentAt, RecipientPosition, Relationship, DaysSinceMet, Step, Channel, TemplateKind,
        PersonalNoteChars, OffersHelp, QuestionCount, WordCount, Replied,
    ];
}
