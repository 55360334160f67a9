using Outreach.Core.Scoring.History;

namespace Outreach.Core.Scoring.Features;

/// <summary>
/// The order and names of the encoded columns. <see cref="FeatureEncoder"/> writes values in exactly this order;
/// the names go into the artifact so a model trained with another layout is refused on load.
/// </summary>
internal static class FeatureLayout
{
    // Indexed by the enum values, so the encoder can write one-hots at offset + (int)value.
    public static readonly string[] Relationships = ["met_in_person", "class_visit", "event", "linkedin_only", "cold", "other"];
    public static readonly string[] Channels = ["email", "linkedin", "other"];
    public static readonly string[] TemplateKinds = ["thank_you", "follow_up", "give_first", "stay_in_touch", "intro_ask", "intro", "other"];
    public static readonly string[] Seniorities = ["unknown", "intern", "junior", "senior", "manager", "director", "vp", "executive"];

    public static IReadOnlyList<(string Name, string Group, FeatureEncoding Encoding)> Columns(IReadOnlyList<string> extraColumns)
    {
        var columns = new List<(string, string, FeatureEncoding)>();
        void OneHots(string group, string prefix, IEnumerable<string> levels) =>
            columns.AddRange(levels.Select(l => ($"{prefix}={l}", group, FeatureEncoding.OneHot)));

        OneHots(FeatureGroups.Relationship, "relationship", Relationships);
        columns.Add(("log1p_days_since_met", FeatureGroups.Recency, FeatureEncoding.Numeric));
        columns.Add(("days_since_met_missing", FeatureGroups.Recency, FeatureEncoding.MissingIndicator));
        OneHots(FeatureGroups.Recency, "days_since_met", FeatureBins.RecencyLabels);
        OneHots(FeatureGroups.Step, "step", FeatureBins.StepLabels);
        OneHots(FeatureGroups.Channel, "channel", Channels);
        OneHots(FeatureGroups.TemplateKind, "template_kind", TemplateKinds);
        columns.Add(("log1p_personal_note_chars", FeatureGroups.Personalisation, FeatureEncoding.Numeric));
        columns.Add(("has_personal_note", FeatureGroups.Personalisation, FeatureEncoding.OneHot));
        columns.Add(("offers_help", FeatureGroups.Reciprocity, FeatureEncoding.OneHot));
        OneHots(FeatureGroups.Seniority, "seniority", Seniorities);
        OneHots(FeatureGroups.Length, "words", FeatureBins.LengthLabels);
        OneHots(FeatureGroups.Questions, "questions", FeatureBins.QuestionLabels);
        columns.Add(("weekend", FeatureGroups.Weekend, FeatureEncoding.OneHot));
        OneHots(FeatureGroups.Hour, "local_hour", FeatureBins.HourLabels);
        columns.AddRange(extraColumns.Select(e => ($"extra:{e}", FeatureGroups.Extra(e), FeatureEncoding.Numeric)));
        return columns;
    }

    /// <summary>Writes one outreach's raw values in column order.</summary>
    /// <remarks>
    /// An unmeasured word count, note or question count (<see langword="null"/>) takes each of its columns' mean from the schema: at
    /// prediction the training mean, so the group adds exactly nothing to the log-odds; in training the mean of the
    /// measured training rows (<see cref="FeatureEncoder.Unscaled"/>), which the training mean then equals.
    /// Out-of-range numbers are clipped to the ranges the history reader keeps (<see cref="HistoryLimits"/>), so a
    /// negative or infinite day count, or a negative note length, cannot turn the log-odds into NaN. A NaN day count
    /// or extra column has no nearest bound and is refused naming the field.
    /// </remarks>
    /// <exception cref="DomainException">DaysSinceMet is NaN, or an extra column is not a finite number (target: the field).</exception>
    public static void Write(OutreachFeatures f, FeatureSchema schema, Span<double> destination)
    {
        destination.Clear();
        var o = 0;
        destination[o + (int)f.Relationship] = 1;
        o += Relationships.Length;

        if (f.DaysSinceMet is double.NaN)
        {
            throw new DomainException("model.invalid-feature", "DaysSinceMet is NaN: give whole days from meeting to sending (0 or more), or null when unknown.", nameof(OutreachFeatures.DaysSinceMet));
        }

        var days = f.DaysSinceMet is { } known ? Math.Clamp(known, 0, HistoryLimits.MaxDaysSinceMet) : schema.DaysSinceMetMedian;
        destination[o] = Math.Log(1 + days);
        if (f.DaysSinceMet is null)
        {
            // The missing indicator stands in for the recency bins: "never met / unknown" is its own level.
            destination[o + 1] = 1;
        }
        else
        {
            destination[o + 2 + FeatureBins.Recency(days)] = 1;
        }

        o += 2 + FeatureBins.RecencyLabels.Count;
        destination[o + FeatureBins.Step(f.Step)] = 1;
        o += FeatureBins.StepLabels.Count;
        destination[o + (int)f.Channel] = 1;
        o += Channels.Length;
        destination[o + (int)f.TemplateKind] = 1;
        o += TemplateKinds.Length;
        if (f.PersonalNoteChars is { } chars)
        {
            var noteChars = Math.Clamp(chars, 0, HistoryLimits.MaxPersonalNoteChars);
            destination[o] = Math.Log(1 + noteChars);
            destination[o + 1] = noteChars > 0 ? 1 : 0;
        }
        else
        {
            Neutral(schema, destination, o, 2);
        }

        destination[o + 2] = f.OffersHelp ? 1 : 0;
        o += 3;
        destination[o + (int)SeniorityParser.Parse(f.RecipientPosition)] = 1;
        o += Seniorities.Length;
        if (f.WordCount is { } words)
        {
            destination[o + FeatureBins.Length(words)] = 1;
        }
        else
        {
            Neutral(schema, destination, o, FeatureBins.LengthLabels.Count);
        }

        o += FeatureBins.LengthLabels.Count;
        if (f.QuestionCount is { } questions)
        {
            destination[o + FeatureBins.Questions(questions)] = 1;
        }
        else
        {
            Neutral(schema, destination, o, FeatureBins.QuestionLabels.Count);
        }

        o += FeatureBins.QuestionLabels.Count;
        destination[o] = FeatureBins.IsWeekend(f.SentAt) ? 1 : 0;
        destination[o + 1 + FeatureBins.Hour(f.SentAt.Hour)] = 1;
        o += 1 + FeatureBins.HourLabels.Count;
        foreach (var extra in schema.ExtraColumns)
        {
            // A row without the column gets 0, the same imputation the history reader applies to an empty cell.
            var value = f.Extras is { } extras && extras.TryGetValue(extra, out var v) ? v : 0;
            destination[o++] = double.IsFinite(value)
                ? value
                : throw new DomainException("model.invalid-feature", $"The extra column '{extra}' is {value}; extra columns are finite numbers.", extra);
        }
    }

    /// <summary>Whether <paramref name="group"/> is measured on the rendered message (and so may be unknown).</summary>
    public static bool IsMessageGroup(string group) => group is FeatureGroups.Personalisation or FeatureGroups.Questions or FeatureGroups.Length;

    /// <summary>Whether <paramref name="group"/> is a message measurement that <paramref name="f"/> does not have.</summary>
    public static bool IsUnmeasured(string group, OutreachFeatures f) => group switch
    {
        FeatureGroups.Personalisation => f.PersonalNoteChars is null,
        FeatureGroups.Questions => f.QuestionCount is null,
        FeatureGroups.Length => f.WordCount is null,
        _ => false,
    };

    private static void Neutral(FeatureSchema schema, Span<double> destination, int offset, int count)
    {
        for (var j = offset; j < offset + count; j++)
        {
            destination[j] = schema.Columns[j].Mean;
        }
    }
}
