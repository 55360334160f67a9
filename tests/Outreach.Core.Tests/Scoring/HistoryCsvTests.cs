using Outreach.Core.Scoring.History;
using Outreach.Core.Scoring.Synthetic;

namespace Outreach.Core.Tests.Scoring;

public sealed class HistoryCsvTests
{
    private const string Header =
        "outreach_id,owner_id,sent_at,recipient_position,relationship,days_since_met,step,channel,template_kind,personal_note_chars,offers_help,question_count,word_count,replied";

    [Fact]
    public void Reads_a_clean_row_with_every_field()
    {
        var csv = Header + "\nout-1,owner-1,2026-03-04T09:15:00+01:00,VP of Sales,met_in_person,3,2,linkedin,follow_up,120,1,2,95,1\n";

        var result = HistoryCsv.Read(new StringReader(csv));

        var row = Assert.Single(result.Rows);
        Assert.Empty(result.Issues);
        Assert.Equal("out-1", row.OutreachId);
        Assert.True(row.Replied);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 9, 15, 0, TimeSpan.FromHours(1)), row.Features.SentAt);
        Assert.Equal(TimeSpan.FromHours(1), row.Features.SentAt.Offset);
        Assert.Equal(Relationship.MetInPerson, row.Features.Relationship);
        Assert.Equal(3, row.Features.DaysSinceMet);
        Assert.Equal(Channel.LinkedIn, row.Features.Channel);
        Assert.Equal(TemplateKind.FollowUp, row.Features.TemplateKind);
        Assert.Equal(120, row.Features.PersonalNoteChars);
        Assert.True(row.Features.OffersHelp);
        Assert.Equal(2, row.Features.QuestionCount);
        Assert.Equal(95, row.Features.WordCount);
    }

    [Fact]
    public void Skips_unparseable_rows_and_reports_line_and_field_without_failing()
    {
        var csv = Header + "\n"
            + "out-1,o,2026-03-04T09:15:00+01:00,CEO,cold,,1,email,intro_ask,0,0,1,80,0\n"
            + "out-2,o,not-a-date,CEO,cold,,1,email,intro_ask,0,0,1,many,0\n"
            + "out-3,o,2026-03-05T10:00:00+01:00,CEO,cold,,1,email,intro_ask,0,0,1,80,maybe\n"
            + "out-4,o,2026-03-06T10:00:00+01:00,CEO,cold\n"
            + "out-5,o,2026-03-07T10:00:00+01:00,CEO,cold,,1,email,intro_ask,0,0,1,80,1\n";

        var result = HistoryCsv.Read(new StringReader(csv));

        Assert.Equal(["out-1", "out-5"], result.Rows.Select(r => r.OutreachId));
        var skipped = result.Issues.Where(i => i.Kind == RowIssueKind.Skipped).Select(i => (i.Line, i.Field)).ToList();
        Assert.Equal([(3, "sent_at"), (3, "word_count"), (4, "replied"), (5, "days_since_met")], skipped);
        Assert.Equal(3, result.SkippedRows);
    }

    [Fact]
    public void Maps_unknown_categories_to_other_and_counts_them()
    {
        var csv = Header + "\nout-1,o,2026-03-04T09:15:00Z,,conference,5,1,fax,haiku,0,0,0,60,0\n";

        var result = HistoryCsv.Read(new StringReader(csv));

        var row = Assert.Single(result.Rows);
        Assert.Equal(Relationship.Other, row.Features.Relationship);
        Assert.Equal(Channel.Other, row.Features.Channel);
        Assert.Equal(TemplateKind.Other, row.Features.TemplateKind);
        Assert.Equal(["relationship", "channel", "template_kind"], result.Issues.Where(i => i.Kind == RowIssueKind.UnknownCategory).Select(i => i.Field));
    }

    [Fact]
    public void Clips_out_of_range_numbers_to_the_documented_limits()
    {
        var csv = Header + "\nout-1,o,2026-03-04T09:15:00Z,,event,-4,0,email,thank_you,-1,0,99,40000,0\n";

        var result = HistoryCsv.Read(new StringReader(csv));

        var f = Assert.Single(result.Rows).Features;
        Assert.Equal(0, f.DaysSinceMet);
        Assert.Equal(1, f.Step);
        Assert.Equal(0, f.PersonalNoteChars);
        Assert.Equal(HistoryLimits.MaxQuestionCount, f.QuestionCount);
        Assert.Equal(HistoryLimits.MaxWordCount, f.WordCount);
        Assert.Equal(
            ["days_since_met", "step", "personal_note_chars", "question_count", "word_count"],
            result.Issues.Where(i => i.Kind == RowIssueKind.Clipped).Select(i => i.Field));
    }

    [Fact]
    public void Leaves_missing_optional_values_for_imputation_and_counts_them()
    {
        var csv = Header + "\nout-1,o,2026-03-04T09:15:00Z,,event,,1,email,thank_you,,,,,0\n";

        var result = HistoryCsv.Read(new StringReader(csv));

        var f = Assert.Single(result.Rows).Features;
        Assert.Null(f.DaysSinceMet);
        Assert.Null(f.WordCount);
        Assert.Null(f.PersonalNoteChars);
        Assert.False(f.OffersHelp);
        Assert.Null(f.QuestionCount);
        Assert.Equal(5, result.CountOf(RowIssueKind.Imputed));
    }

    [Fact]
    public void Refuses_a_file_whose_header_lacks_a_required_column()
    {
        var csv = "outreach_id,owner_id,sent_at\nout-1,o,2026-03-04T09:15:00Z\n";

        var error = Assert.Throws<DomainException>(() => HistoryCsv.Read(new StringReader(csv)));

        Assert.Equal("history.missing-column", error.Code);
        Assert.Equal("recipient_position", error.Target);
    }

    [Fact]
    public void Written_history_reads_back_to_the_same_rows()
    {
        var rows = SyntheticHistoryGenerator.Generate(new SyntheticHistoryOptions { Rows = 300, Seed = 5 }).Rows;
        var writer = new StringWriter();

        HistoryCsv.Write(writer, rows);
        var result = HistoryCsv.Read(new StringReader(writer.ToString()));

        Assert.Equal(rows.Count, result.Rows.Count);
        Assert.DoesNotContain(result.Issues, i => i.Kind is RowIssueKind.Skipped or RowIssueKind.Clipped or RowIssueKind.UnknownCategory);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i] with { Features = rows[i].Features with { Extras = null } }, result.Rows[i] with { Features = result.Rows[i].Features with { Extras = null } });
            Assert.Equal(rows[i].Features.Extras!.OrderBy(p => p.Key), result.Rows[i].Features.Extras!.OrderBy(p => p.Key));
        }
    }
}
