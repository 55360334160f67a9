using System.Globalization;
using CsvHelper;

namespace Outreach.Core.Scoring.History;

/// <summary>
/// Reads and writes outreach histories as CSV (schema: <c>docs/history-schema.md</c>). Reading never throws for a bad
/// row: the row is skipped and reported with its line and field. Only a file without the required header fails.
/// </summary>
public static class HistoryCsv
{
    private static readonly HashSet<string> KnownColumns = new(HistoryColumns.Required.Append(HistoryColumns.TrueProbability), StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads a history. Columns beyond the schema are read as extra numeric columns.</summary>
    /// <exception cref="DomainException">The header is missing or lacks a required column.</exception>
    public static HistoryReadResult Read(TextReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var issues = new List<RowIssue>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            TrackLineNumbers = true,
            TrimWhitespace = true,
            IncludeValuesInExceptions = false,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            OnMalformedRecord = bad => issues.Add(new RowIssue(
                (int)bad.LineNumber, "(row)", RowIssueKind.Skipped, $"The row has malformed quoting ({bad.Reason}).")),
        };
        using var csv = CsvReader.Create(reader, options, leaveOpen: true);
        csv.ReadHeader();
        var header = csv.Headers.ToArray();
        if (header.Length == 0)
        {
            throw new DomainException("history.empty", "The history file is empty: it needs a header row.", "header");
        }

        var columnIndex = IndexColumns(header);
        var extraColumns = header.Select(h => h.Trim()).Where(h => h.Length > 0 && !KnownColumns.Contains(h)).ToList();
        var parser = new HistoryRowParser(columnIndex, extraColumns);
        var rows = new List<HistoryRow>();
        var record = new string[header.Length];
        while (csv.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = (int)csv.LineNumber;
            if (csv.FieldCount != header.Length)
            {
                var field = csv.FieldCount < header.Length ? header[csv.FieldCount].Trim() : "(row)";
                issues.Add(new RowIssue(line, field, RowIssueKind.Skipped, $"The row has {csv.FieldCount} fields; the header has {header.Length}."));
                continue;
            }

            for (var i = 0; i < record.Length; i++)
            {
                record[i] = csv.GetString(i);
            }

            if (parser.Parse(record, line, issues) is { } row)
            {
                rows.Add(row);
            }
        }

        // Malformed records are reported by a callback as they are met; a stable sort keeps each line's issues in field order.
        return new HistoryReadResult(rows, [.. issues.OrderBy(i => i.Line)]);
    }

    /// <summary>Writes a history with the schema's header; <c>true_p</c> and extra columns are written when any row has them.</summary>
    public static void Write(TextWriter writer, IEnumerable<HistoryRow> rows, CancellationToken cancellationToken = default) =>
        Write(writer, rows, CsvInjection.None, cancellationToken);

    /// <summary>
    /// Writes a history for download: as <see cref="Write(TextWriter, IEnumerable{HistoryRow}, CancellationToken)"/>, but a
    /// text cell a spreadsheet would run as a formula (starting with <c>= + - @</c>, tab or carriage return, e.g. a
    /// position typed as <c>=HYPERLINK(…)</c>) is prefixed with <c>'</c> and quoted, as OWASP's CSV-injection guidance says.
    /// </summary>
    public static void WriteForSpreadsheet(TextWriter writer, IEnumerable<HistoryRow> rows, CancellationToken cancellationToken = default) =>
        Write(writer, rows, CsvInjection.Escape, cancellationToken);

    private static void Write(TextWriter writer, IEnumerable<HistoryRow> rows, CsvInjection injection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows as IReadOnlyList<HistoryRow> ?? rows.ToList();
        var withTrueProbability = list.Any(r => r.TrueProbability is not null);
        var extraColumns = list.SelectMany(r => r.Features.Extras?.Keys ?? Enumerable.Empty<string>()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        // For training files free text such as a position is data, not a formula: a title like "-" must come back as written.
        var options = new CsvWriterOptions { Injection = injection, NewLine = "\n" };
        using var csv = CsvWriter.Create(writer, options, leaveOpen: true);
        csv.WriteHeader([.. HistoryColumns.Required, .. withTrueProbability ? [HistoryColumns.TrueProbability] : Array.Empty<string>(), .. extraColumns]);
        foreach (var row in list)
        {
            cancellationToken.ThrowIfCancellationRequested();
            WriteRow(csv, row, withTrueProbability, extraColumns);
        }

        csv.Flush();
    }

    private static void WriteRow(CsvWriter csv, HistoryRow row, bool withTrueProbability, List<string> extraColumns)
    {
        var f = row.Features;
        csv.WriteField(row.OutreachId);
        csv.WriteField(row.OwnerId);
        csv.WriteField(FormatTime(f.SentAt));
        csv.WriteField(f.RecipientPosition ?? string.Empty);
        csv.WriteField(HistoryVocabulary.ToText(f.Relationship));
        csv.WriteField(f.DaysSinceMet is { } days ? days.ToString("R", CultureInfo.InvariantCulture) : string.Empty);
        csv.WriteField(f.Step.ToString(CultureInfo.InvariantCulture));
        csv.WriteField(HistoryVocabulary.ToText(f.Channel));
        csv.WriteField(HistoryVocabulary.ToText(f.TemplateKind));
        csv.WriteField(f.PersonalNoteChars?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        csv.WriteField(f.OffersHelp ? "1" : "0");
        csv.WriteField(f.QuestionCount?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        csv.WriteField(f.WordCount?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        csv.WriteField(row.Replied ? "1" : "0");
        if (withTrueProbability)
        {
            csv.WriteField(row.TrueProbability?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty);
        }

        foreach (var column in extraColumns)
        {
            csv.WriteField(f.Extras is { } extras && extras.TryGetValue(column, out var v) ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty);
        }

        csv.EndRecord();
    }

    // Whole seconds read best; sub-second times keep every tick so a round trip is exact.
    private static string FormatTime(DateTimeOffset time) =>
        time.Ticks % TimeSpan.TicksPerSecond == 0
            ? time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
            : time.ToString("O", CultureInfo.InvariantCulture);

    private static Dictionary<string, int> IndexColumns(string[] header)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim();
            if (name.Length > 0 && !index.TryAdd(name, i))
            {
                throw new DomainException("history.duplicate-column", $"The history header names column '{name}' twice.", name);
            }
        }

        var missing = HistoryColumns.Required.Where(c => !index.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new DomainException("history.missing-column", $"The history header lacks required column(s): {string.Join(", ", missing)}.", missing[0]);
        }

        return index;
    }
}
