namespace Outreach.Core.Scoring.History;

/// <summary>
/// What is known about one outreach before it is sent: the input of the response model.
/// Values are already clipped to <see cref="HistoryLimits"/> when they come from <see cref="HistoryCsv"/>;
/// <see langword="null"/> means missing and is imputed by the model's feature encoder (median + missing indicator).
/// </summary>
public sealed record OutreachFeatures
{
    /// <summary>The recipient's job title as written (any language); parsed into a seniority level.</summary>
    public string? RecipientPosition { get; init; }

    /// <summary>How the sender knows the recipient.</summary>
    public Relationship Relationship { get; init; } = Relationship.Other;

    /// <summary>Days between meeting (or connecting) and sending; <see langword="null"/> when unknown or never met.</summary>
    public double? DaysSinceMet { get; init; }

    /// <summary>Position in the sequence: 1 is the first message, 2 the first follow-up, and so on.</summary>
    public int Step { get; init; } = 1;

    /// <summary>How the message is delivered.</summary>
    public Channel Channel { get; init; } = Channel.Email;

    /// <summary>What kind of note it is.</summary>
    public TemplateKind TemplateKind { get; init; } = TemplateKind.FollowUp;

    /// <summary>
    /// Length of the sender's personal note in characters (0 when the template was sent as is); <see langword="null"/>
    /// when the message was not measured (a task sent before its message's counts were stored, or a draft that could not
    /// be rendered). An unmeasured value is encoded at its training mean, so it moves the score by nothing, and the
    /// explanation says nothing about it.
    /// </summary>
    public int? PersonalNoteChars { get; init; }

    /// <summary>Whether the message offers help (reciprocity).</summary>
    public bool OffersHelp { get; init; }

    /// <summary>
    /// Number of questions in the body; <see langword="null"/> when the message was not measured (encoded and explained
    /// as <see cref="PersonalNoteChars"/> is).
    /// </summary>
    public int? QuestionCount { get; init; }

    /// <summary>
    /// Words in the body; <see langword="null"/> when the message was not measured (encoded and explained as
    /// <see cref="PersonalNoteChars"/> is).
    /// </summary>
    public int? WordCount { get; init; }

    /// <summary>When it was (or will be) sent, in the sender's local time with its offset.</summary>
    public DateTimeOffset SentAt { get; init; }

    /// <summary>
    /// Extra numeric columns carried with the row (for example the synthetic generator's pure-noise columns).
    /// The model uses them only when <c>TrainingOptions.ExtraColumns</c> names them.
    /// </summary>
    public IReadOnlyDictionary<string, double>? Extras { get; init; }
}
