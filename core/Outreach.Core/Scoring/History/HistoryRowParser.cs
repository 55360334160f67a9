using System.Globalization;

namespace Outreach.Core.Scoring.History;

/// <summary>
/// Turns one CSV record into a <see cref="HistoryRow"/>, applying the schema's rules for missing, unknown and
/// out-of-range values and recording each as a <see cref="RowIssue"/>. A value that cannot be parsed makes the
/// row unusable: the parser records every such field so the user can fix them all at once.
/// </summary>
internal sealed class HistoryRowParser(IReadOnlyDictionary<string, int> columnIndex, IReadOnlyList<string> extraColumns)
{
    // An empty note or question cell is an unmeasured message, as the pipeline's own rows are: the model gives it the
    // training mean and never names it as a reason (OutreachFeatures.PersonalNoteChars).
    private const string NotMeasured = "its training mean: an unmeasured message, never named as a reason";

    private readonly List<RowIssue> _issues = [];
    private string[] _record = [];
    private int _line;
    private bool _unusable;

    /// <summary>Parses a record; returns <see langword="null"/> when it has to be skipped. Issues go to <paramref name="issues"/>.</summary>
    public HistoryRow? Parse(string[] record, int line, List<RowIssue> issues)
    {
        _record = record;
        _line = line;
        _unusable = false;
        _issues.Clear();

        var outreachId = Required(HistoryColumns.OutreachId);
        var sentAt = ParseSentAt();
        var step = Clip(RequiredInt(HistoryColumns.Step), 1, HistoryLimits.MaxStep, HistoryColumns.Step);
        var replied = RequiredFlag(HistoryColumns.Replied);
        var features = new OutreachFeatures
        {
            RecipientPosition = Text(HistoryColumns.RecipientPosition),
            Relationship = Category<Relationship>(HistoryColumns.Relationship, Relationship.Other, HistoryVocabulary.TryParse),
            DaysSinceMet = ClipNullable(OptionalDouble(HistoryColumns.DaysSinceMet), 0, HistoryLimits.MaxDaysSinceMet, HistoryColumns.DaysSinceMet),
            Step = step,
            Channel = Category<Channel>(HistoryColumns.Channel, Channel.Other, HistoryVocabulary.TryParse),
            TemplateKind = Category<TemplateKind>(HistoryColumns.TemplateKind, TemplateKind.Other, HistoryVocabulary.TryParse),
            PersonalNoteChars = ClipNullable(OptionalInt(HistoryColumns.PersonalNoteChars, NotMeasured), 0, HistoryLimits.MaxPersonalNoteChars, HistoryColumns.PersonalNoteChars),
            OffersHelp = OptionalFlag(HistoryColumns.OffersHelp),
            QuestionCount = ClipNullable(OptionalInt(HistoryColumns.QuestionCount, NotMeasured), 0, HistoryLimits.MaxQuestionCount, HistoryColumns.QuestionCount),
            WordCount = ClipNullable(OptionalInt(HistoryColumns.WordCount, NotMeasured), 0, HistoryLimits.MaxWordCount, HistoryColumns.WordCount),
            SentAt = sentAt,
            Extras = extraColumns.Count == 0 ? null : ParseExtras(),
        };
        var trueProbability = ParseTrueProbability();

        // Report in column order, whatever order the fields were parsed in.
        var ordered = _issues.OrderBy(i => columnIndex.TryGetValue(i.Field, out var c) ? c : int.MaxValue);
        if (_unusable)
        {
            issues.AddRange(ordered.Where(i => i.Kind == RowIssueKind.Skipped));
            return null;
        }

        issues.AddRange(ordered);
        return new HistoryRow(outreachId, Text(HistoryColumns.OwnerId) ?? string.Empty, features, replied, trueProbability);
    }

    private string? Raw(string column)
    {
        if (!columnIndex.TryGetValue(column, out var index) || index >= _record.Length)
        {
            return null;
        }

        var value = _record[index].Trim();
        return value.Length == 0 ? null : value;
    }

    private string? Text(string column) => Raw(column);

    private void Skip(string column, string message)
    {
        _unusable = true;
        _issues.Add(new RowIssue(_line, column, RowIssueKind.Skipped, message));
    }

    private void Note(string column, RowIssueKind kind, string message) => _issues.Add(new RowIssue(_line, column, kind, message));

    private string Required(string column)
    {
        var value = Raw(column);
        if (value is null)
        {
            Skip(column, $"{column} is required but empty.");
        }

        return value ?? string.Empty;
    }

    private DateTimeOffset ParseSentAt()
    {
        var value = Raw(HistoryColumns.SentAt);
        if (value is null)
        {
            Skip(HistoryColumns.SentAt, "sent_at is required but empty.");
            return default;
        }

        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var sentAt))
        {
            Skip(HistoryColumns.SentAt, $"sent_at '{Shorten(value)}' is not an ISO 8601 date and time (e.g. 2026-03-04T09:15:00+01:00).");
        }

        return sentAt;
    }

    private int RequiredInt(string column)
    {
        var value = Raw(column);
        if (value is null)
        {
            Skip(column, $"{column} is required but empty.");
            return 0;
        }

        return ParseInt(column, value);
    }

    private int? OptionalInt(string column, string imputedAs)
    {
        var value = Raw(column);
        if (value is null)
        {
            Note(column, RowIssueKind.Imputed, $"{column} is empty; imputed as {imputedAs}.");
            return null;
        }

        return ParseInt(column, value);
    }

    private int ParseInt(string column, string value)
    {
        if (long.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number))
        {
            // Clamp to int first so absurd values are clipped later rather than overflowing.
            return (int)Math.Clamp(number, int.MinValue, int.MaxValue);
        }

        Skip(column, $"{column} '{Shorten(value)}' is not a whole number.");
        return 0;
    }

    private double? OptionalDouble(string column)
    {
        var value = Raw(column);
        if (value is null)
        {
            Note(column, RowIssueKind.Imputed, $"{column} is empty; imputed as the training median with a missing indicator.");
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return number;
        }

        Skip(column, $"{column} '{Shorten(value)}' is not a number.");
        return null;
    }

    private bool RequiredFlag(string column)
    {
        var value = Raw(column);
        if (value is null)
        {
            Skip(column, $"{column} is required but empty.");
            return false;
        }

        return ParseFlag(column, value);
    }

    private bool OptionalFlag(string column)
    {
        var value = Raw(column);
        if (value is null)
        {
            Note(column, RowIssueKind.Imputed, $"{column} is empty; imputed as 0.");
            return false;
        }

        return ParseFlag(column, value);
    }

    private bool ParseFlag(string column, string value)
    {
        switch (value.ToUpperInvariant())
        {
            case "1" or "TRUE":
                return true;
            case "0" or "FALSE":
                return false;
            default:
                Skip(column, $"{column} '{Shorten(value)}' must be 0 or 1.");
                return false;
        }
    }

    private T Category<T>(string column, T other, TryParseCategory<T> tryParse)
    {
        var value = Raw(column);
        if (value is null)
        {
            Note(column, RowIssueKind.UnknownCategory, $"{column} is empty; mapped to 'other'.");
            return other;
        }

        if (tryParse(value, out var parsed))
        {
            return parsed;
        }

        Note(column, RowIssueKind.UnknownCategory, $"{column} '{Shorten(value)}' is not a known value; mapped to 'other'.");
        return other;
    }

    private int Clip(int value, int min, int max, string column)
    {
        if (value >= min && value <= max)
        {
            return value;
        }

        var clipped = Math.Clamp(value, min, max);
        Note(column, RowIssueKind.Clipped, $"{column} {value.ToString(CultureInfo.InvariantCulture)} is outside [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]; clipped to {clipped.ToString(CultureInfo.InvariantCulture)}.");
        return clipped;
    }

    private int? ClipNullable(int? value, int min, int max, string column) => value is { } v ? Clip(v, min, max, column) : null;

    private double? ClipNullable(double? value, double min, double max, string column)
    {
        if (value is not { } v || (v >= min && v <= max))
        {
            return value;
        }

        var clipped = Math.Clamp(v, min, max);
        Note(column, RowIssueKind.Clipped, $"{column} {v.ToString(CultureInfo.InvariantCulture)} is outside [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]; clipped to {clipped.ToString(CultureInfo.InvariantCulture)}.");
        return clipped;
    }

    private Dictionary<string, double> ParseExtras()
    {
        var extras = new Dictionary<string, double>(extraColumns.Count, StringComparer.Ordinal);
        foreach (var column in extraColumns)
        {
            var value = Raw(column);
            if (value is null)
            {
                Note(column, RowIssueKind.Imputed, $"{column} is empty; imputed as 0.");
                extras[column] = 0;
            }
            else if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            {
                extras[column] = number;
            }
            else
            {
                Skip(column, $"{column} '{Shorten(value)}' is not a number.");
            }
        }

        return extras;
    }

    private double? ParseTrueProbability()
    {
        var value = Raw(HistoryColumns.TrueProbability);
        if (value is null)
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 1)
        {
            return p;
        }

        Skip(HistoryColumns.TrueProbability, $"true_p '{Shorten(value)}' is not a probability in [0, 1].");
        return null;
    }

    // Free text is cut short in messages: a position field may hold a whole pasted profile.
    private static string Shorten(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");

    private delegate bool TryParseCategory<T>(string text, out T value);
}
