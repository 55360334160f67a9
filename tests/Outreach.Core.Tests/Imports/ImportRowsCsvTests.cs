using System.Text;
using Outreach.Core.Contacts;
using Outreach.Core.Imports;

namespace Outreach.Core.Tests.Imports;

public sealed class ImportRowsCsvTests
{
    public static TheoryData<ImportRowOutcome, string> Outcomes => new()
    {
        { ImportRowOutcome.New, "accepted" },
        { ImportRowOutcome.Merged, "merged" },
        { ImportRowOutcome.Unchanged, "already known" },
        { ImportRowOutcome.Rejected, "rejected" },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void Each_outcome_is_named_as_the_records_counts_name_it(ImportRowOutcome outcome, string name) =>
        Assert.Equal(name, ImportRowsCsv.OutcomeName(outcome));

    [Fact]
    public void A_merged_row_lists_the_fields_it_filled_in_declaration_order()
    {
        var line = new StringBuilder("left over");

        ImportRowsCsv.Write(line, new ImportRowResult(12, ImportRowOutcome.Merged, "c123", [], null, ContactFieldSet.Events | ContactFieldSet.Email));

        Assert.Equal("12,merged,c123,email events,", line.ToString());
    }

    [Fact]
    public void A_rejected_rows_problems_are_one_quoted_cell_on_one_line()
    {
        var line = new StringBuilder();
        RowError[] errors = [new("Email", "is not a valid email address: it has no @"), new("Met\non", "'1,2' is not a \"date\"")];

        ImportRowsCsv.Write(line, new ImportRowResult(7, ImportRowOutcome.Rejected, null, errors, "raw text is not written"));

        Assert.Equal("7,rejected,,,\"Email is not a valid email address: it has no @; Met on '1,2' is not a \"\"date\"\"\"", line.ToString());
    }

    [Theory]
    [InlineData("=Email")]
    [InlineData("+Email")]
    [InlineData("-Email")]
    [InlineData("@Email")]
    public void Problems_starting_with_a_header_that_looks_like_a_formula_are_kept_from_running_as_one(string header)
    {
        var line = new StringBuilder();

        ImportRowsCsv.Write(line, new ImportRowResult(2, ImportRowOutcome.Rejected, null, [new(header, "is not a valid email address: it has no @")], "x"));

        Assert.Equal($"2,rejected,,,'{header} is not a valid email address: it has no @", line.ToString());
    }

    [Fact]
    public void The_line_and_contact_id_read_back_from_a_written_line_and_the_header_is_not_a_row()
    {
        var line = new StringBuilder();
        ImportRowsCsv.Write(line, new ImportRowResult(1052, ImportRowOutcome.Unchanged, "c9", [], null));

        Assert.True(ImportRowsCsv.TryReadKey(line.ToString(), out var number, out var contactId));
        Assert.Equal((1052, "c9"), (number, contactId.ToString()));
        Assert.True(ImportRowsCsv.TryReadKey("7,rejected,,,\"Email, oddly\"", out number, out contactId));
        Assert.Equal((7, string.Empty), (number, contactId.ToString()));
        Assert.False(ImportRowsCsv.TryReadKey(ImportRowsCsv.Header, out _, out _));
        Assert.False(ImportRowsCsv.TryReadKey("12", out _, out _));
    }
}
