using Outreach.Core.Imports;

namespace Outreach.Core.Tests.Imports;

public sealed class MalformedFileTests
{
    private const string Header = "First Name,Last Name,Email,Company,Notes";

    [Fact]
    public async Task Unbalanced_quote_rejects_its_row_and_the_rows_after_it_are_still_read()
    {
        var run = await ImportRun.TextAsync(
            Header + "\n" +
            "Ada,Lovelace,ada@example.org,Acme,fine\n" +
            "Alan,Turing,alan@example.org,\"Bletchley Park,oops\n" +
            "Grace,Hopper,grace@example.org,Navy,\"a \"\"quoted\"\" word\"\n" +
            "Edsger,Dijkstra,edsger@example.org,TU/e,\"two\nlines\"\n");

        Assert.Equal((3, 0, 1), (run.Report.Accepted, run.Report.Merged, run.Report.Rejected));
        Assert.Equal([2, 3, 4, 5], run.Rows.Select(r => r.Line));
        var rejected = Assert.Single(run.Report.RejectedRows);
        Assert.Equal((3, "row"), (rejected.Line, rejected.Errors[0].Field));
        Assert.Equal("Alan,Turing,alan@example.org,\"Bletchley Park,oops", rejected.RawText);
        Assert.Equal("a \"quoted\" word", run.ContactOn(4).Notes);
        Assert.Equal("two\nlines", run.ContactOn(5).Notes);
    }

    [Fact]
    public async Task Text_after_a_closing_quote_rejects_the_row_and_a_stray_quote_inside_a_value_is_text()
    {
        var run = await ImportRun.TextAsync(
            Header + "\n" +
            "Ada,Lovelace,ada@example.org,\"Acme\" Labs,x\n" +
            "Alan,Turing,alan@example.org,Bletchley,5'9\" tall\n");

        Assert.Equal((1, 1), (run.Report.Accepted, run.Report.Rejected));
        Assert.Equal("row", run.Row(2).Errors.Single().Field);
        Assert.Equal("5'9\" tall", run.ContactOn(3).Notes);
    }

    [Fact]
    public async Task A_quote_never_closed_after_a_stray_quote_in_the_same_row_still_costs_that_row_only()
    {
        // CsvHelper reports the stray quote of 5'6" and then nothing of the quote before Acme, which runs to the end of the file.
        var run = await ImportRun.TextAsync(
            "Name,Email,Notes,Company\n" +
            "Ada Lovelace,ada@example.org,5'6\" tall,\"Acme\n" +
            "Grace Hopper,grace@example.org,x,y\n" +
            "Alan Turing,alan@example.org,x,y\n");

        Assert.Equal((3L, 2L, 1L), (run.Report.RowsRead, run.Report.Accepted, run.Report.Rejected));
        Assert.Equal((2, "row"), (run.RejectedLines.Single(), run.Row(2).Errors.Single().Field));
        Assert.Contains("never closed", run.Row(2).Errors.Single().Reason, StringComparison.Ordinal);
        Assert.Equal(("y", "y"), (run.ContactOn(3).Company, run.ContactOn(4).Company));
    }

    [Fact]
    public async Task A_quoted_field_after_a_stray_quote_is_read_whole_and_text_after_its_closing_quote_costs_its_row()
    {
        // Ada's opened quote closes at the quote of 5'9": that record has text after its closing quote; Alan's has too.
        var run = await ImportRun.TextAsync(
            "Name,Email,Notes,Company\n" +
            "Ada Lovelace,ada@example.org,5'6\" tall,\"Acme\n" +
            "Grace Hopper,grace@example.org,x,y\n" +
            "Alan Turing,alan@example.org,5'9\" tall,\"Bletchley\" Park\n" +
            "Edsger Dijkstra,edsger@example.org,6'1\" tall,\"TU\nEindhoven\"\n" +
            "Barbara Liskov,barbara@example.org,x,MIT\n");

        Assert.Equal((5L, 3L, 2L), (run.Report.RowsRead, run.Report.Accepted, run.Report.Rejected));
        Assert.Equal([2, 4], run.RejectedLines);
        Assert.All([2, 4], line => Assert.Contains("text after the closing quote", run.Row(line).Errors.Single().Reason, StringComparison.Ordinal));
        Assert.Equal("y", run.ContactOn(3).Company);
        Assert.Equal(("6'1\" tall", "TU Eindhoven"), (run.ContactOn(5).Notes, run.ContactOn(5).Company)); // a stray quote, then a quoted line break: fine
        Assert.Equal("MIT", run.ContactOn(7).Company);
    }

    [Fact]
    public async Task Quote_never_closed_in_a_huge_file_stops_the_import_at_its_line_with_every_row_before_it_imported()
    {
        // 250 rows: two full batches of 100 and a part batch, which is written too before the import stops.
        var rows = string.Concat(Enumerable.Range(0, 250).Select(i => $"Person,{i},p{i}@example.org,Acme,\n"));
        var head = System.Text.Encoding.UTF8.GetBytes(Header + "\n" + rows + "Ada,Lovelace,ada@example.org,Acme,\"never closed\n");
        var body = new byte[17 * 1024 * 1024];
        Array.Fill(body, (byte)'x');

        var run = await ImportRun.BytesAsync([.. head, .. body]);

        Assert.Equal((250L, 250L, 0L), (run.Report.RowsRead, run.Report.Accepted, run.Report.Rejected));
        Assert.Equal(250, run.Contacts.Count);
        Assert.Equal(((int?)252, (int?)null), (run.Report.StoppedAtLine, run.Report.NotReadFromLine));
        Assert.StartsWith("The row starting on line 252 is longer than 16 MiB, most likely because a quote in it is never closed", run.Report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_control_character_in_a_value_rejects_its_row_naming_the_field_while_tabs_and_line_breaks_are_white_space()
    {
        var run = await ImportRun.TextAsync(
            Header + "\n" +
            "Ada,Lovelace,ada@example.org,Acme\u0001Labs,x\n" +
            "Alan,Turing,alan@example.org,Bletchley,\"\u001b[31mred\u001b[0m\"\n" +
            "Grace,Hopper,grace@example.org,Navy,\"tab\there\r\nnext line\"\n" +
            "Edsger,Dijkstra,edsger@example.org,TU/e,\u0085C1 \u009b\n" +
            string.Concat(Enumerable.Range(0, 40).Select(i => $"Person,{i},p{i}@example.org,Acme,\n"))); // under 1% control characters: a text file

        Assert.Equal((41, 3), (run.Report.Accepted, run.Report.Rejected));
        Assert.Equal(("Company", "contains the control character U+0001, which no contact's text can hold"), (run.Row(2).Errors.Single().Field, run.Row(2).Errors.Single().Reason));
        Assert.Equal(("Notes", "contains the control character U+001B, which no contact's text can hold"), (run.Row(3).Errors.Single().Field, run.Row(3).Errors.Single().Reason));
        Assert.Equal("Notes", run.Row(6).Errors.Single().Field); // Grace's notes took two lines; U+0085 is a line break (white space), U+009B a C1 control
        Assert.Equal("Alan,Turing,alan@example.org,Bletchley,\"\u001b[31mred\u001b[0m\"", run.Report.RejectedRows.Single(r => r.Line == 3).RawText);
        Assert.Equal("tab here\nnext line", run.ContactOn(4).Notes);
    }

    [Fact]
    public async Task Ragged_rows_with_fewer_cells_are_read_and_with_extra_data_are_rejected()
    {
        var run = await ImportRun.TextAsync(
            Header + "\n" +
            "Ada,Lovelace,ada@example.org\n" +                    // fewer cells: the rest are empty
            "Alan,Turing,alan@example.org,Bletchley,notes,surplus\n" + // more cells with data: rejected
            "Grace,Hopper,grace@example.org,Navy,notes,,\n" +         // empty trailing cells: fine
            "Edsger\n");                                              // fewer cells and no email: rejected

        Assert.Equal((2, 2), (run.Report.Accepted, run.Report.Rejected));
        Assert.Equal([3, 5], run.RejectedLines);
        Assert.Equal("row", run.Row(3).Errors.Single().Field);
        Assert.Equal("has 6 cells but the header has 5; the extra cells hold data no column is named for", run.Row(3).Errors.Single().Reason);
        Assert.Equal("Email", run.Row(5).Errors.Single().Field);
        Assert.Null(run.ContactOn(2).Company);
    }

    [Fact]
    public async Task Empty_file_gives_an_empty_report_with_a_message()
    {
        var run = await ImportRun.BytesAsync([]);

        Assert.Equal(0, run.Report.RowsRead);
        Assert.Empty(run.Rows);
        Assert.Null(run.Report.Format);
        Assert.Equal("The file is empty: there is no header and no row to import.", run.Report.Message);
    }

    [Fact]
    public async Task Whitespace_only_file_with_a_bom_counts_as_empty()
    {
        var run = await ImportRun.BytesAsync(CsvBytes.Utf8("\r\n  \r\n", bom: true));

        Assert.Equal(0, run.Report.RowsRead);
        Assert.NotNull(run.Report.Message);
    }

    [Fact]
    public async Task Header_only_file_gives_zero_rows_and_a_message()
    {
        var run = await ImportRun.TextAsync(Header + "\r\n");

        Assert.Equal(ImportFormat.Generic, run.Report.Format);
        Assert.Equal((0, 0, 0, 0), (run.Report.RowsRead, run.Report.Accepted, run.Report.Merged, run.Report.Rejected));
        Assert.Equal("The file has a header but no rows to import.", run.Report.Message);
        Assert.Empty(run.Contacts);
    }

    [Fact]
    public async Task Hundred_thousand_character_field_rejects_the_row_naming_the_limit_and_keeps_the_rest()
    {
        var huge = new string('n', 100_000);
        var run = await ImportRun.TextAsync(
            Header + "\n" +
            "Ada,Lovelace,ada@example.org,Acme,\"" + huge + "\"\n" +
            "Alan,Turing,alan@example.org,Bletchley,short\n");

        Assert.Equal((1, 1), (run.Report.Accepted, run.Report.Rejected));
        var rejected = Assert.Single(run.Report.RejectedRows);
        Assert.Equal(2, rejected.Line);
        Assert.Equal(new RowError("Notes", "is 100000 characters long; the limit is 4000"), rejected.Errors.Single());
        Assert.True(rejected.RawTextTruncated);
        Assert.Equal(ImportReport.MaxRawTextLength, rejected.RawText.Length);
        Assert.Equal(100_000 + 36, run.Row(2).RawText!.Length); // the streamed result keeps the row whole
    }

    [Fact]
    public async Task Last_row_without_a_trailing_newline_is_not_dropped()
    {
        // listmonk #2344: the last row went missing.
        var run = await ImportRun.TextAsync(
            Header + "\n" +
            "Ada,Lovelace,ada@example.org,Acme,a\n" +
            "Alan,Turing,alan@example.org,Bletchley,b");

        Assert.Equal(2, run.Report.Accepted);
        Assert.Equal("Bletchley", run.ContactOn(3).Company);
    }

    [Fact]
    public async Task Last_quoted_row_without_a_trailing_newline_is_not_dropped_either()
    {
        var run = await ImportRun.BytesAsync(CsvBytes.Utf16LittleEndian(Header + "\r\n" + "Ada,Lovelace,ada@example.org,Acme,\"ends in quotes\""));

        Assert.Equal(1, run.Report.Accepted);
        Assert.Equal("ends in quotes", run.ContactOn(2).Notes);
    }

    [Fact]
    public async Task Duplicate_emails_differing_in_case_merge_into_one_contact()
    {
        // mautic #5149: differently-cased emails created duplicates.
        var run = await ImportRun.TextAsync(
            Header + "\n" +
            "Ada,Lovelace,Ada.Lovelace@Example.org,,first note\n" +
            "Ada,,ADA.LOVELACE@EXAMPLE.ORG,Acme,second note\n" +
            "Ada,Lovelace,ada.lovelace@example.org,Acme,first note\n");

        Assert.Equal((1, 2, 0, 0), (run.Report.Accepted, run.Report.Merged, run.Report.Unchanged, run.Report.Rejected));
        var ada = Assert.Single(run.Contacts);
        Assert.Equal("Ada.Lovelace@Example.org", ada.Email); // the first spelling is kept for display
        Assert.Equal("Acme", ada.Company);
        Assert.Equal("first note" + Outreach.Core.Contacts.ContactMerger.NoteSeparator + "second note", ada.Notes);
        Assert.Equal(2, ada.Source!.Line);
    }

    [Fact]
    public async Task Blank_rows_between_data_are_skipped_without_being_counted()
    {
        var run = await ImportRun.TextAsync(Header + "\n\nAda,Lovelace,ada@example.org,,\n,,,,\n   \nAlan,Turing,alan@example.org,,\n");

        Assert.Equal(2, run.Report.RowsRead);
        Assert.Equal([3, 6], run.Rows.Select(r => r.Line));
    }

    [Fact]
    public async Task Rows_of_white_space_quoted_or_not_are_blank_and_a_quoted_quote_is_not()
    {
        var run = await ImportRun.TextAsync(
            Header + "\n\" \",\"\",  ,\"   \",\n;\nAda,Lovelace,ada@example.org,,\n\"\"\"\",,,,\n\"\n\",,,,\n\t,\n \u00A0 ,\u2003,,,\n");

        Assert.Equal(3, run.Report.RowsRead); // line 3 is one cell ";" (not a separator here); the quote is a cell with text
        Assert.Equal([3, 4, 5], run.Rows.Select(r => r.Line)); // a quoted line break, a tab, no-break and em spaces: blank
        Assert.Equal(1, run.Report.Accepted);
    }
}
