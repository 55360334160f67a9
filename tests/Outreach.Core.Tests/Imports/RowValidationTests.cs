using System.Globalization;
using Outreach.Core.Contacts;
using Outreach.Core.Imports;

namespace Outreach.Core.Tests.Imports;

public sealed class RowValidationTests
{
    private const string Header = "First name,Last name,Email,LinkedIn URL,Company,Position,Event,Met on,What we talked about,What I can offer,Tags";

    [Fact]
    public async Task Each_rejected_row_names_its_line_field_and_reason_and_keeps_its_raw_text()
    {
        var run = await ImportRun.TextAsync(
            Header + "\n" +
            ",,ada@example.org,,,,,,,,\n" +
            "Alan,Turing,,,,,,,,,\n" +
            "Grace,Hopper,grace@example.org,https://www.linkedin.com/company/navy,,,,,,,\n" +
            "Edsger,Dijkstra,edsger@,https://www.linkedin.com/in/edsger,,,,,,,\n" +
            "Ok,Row,ok@example.org,,,,,,,,\n");

        Assert.Equal((1, 4), (run.Report.Accepted, run.Report.Rejected));
        Assert.Equal(
            [
                (2, new RowError("First name / Last name", "is empty: a row needs a first, last or full name")),
                (3, new RowError("Email / LinkedIn URL", "is empty: a row needs an email address or a LinkedIn profile URL")),
                (4, new RowError("LinkedIn URL", "is not a LinkedIn profile URL: it is a LinkedIn URL but not a profile (/in/...)")),
                (5, new RowError("Email", "is not a valid email address: it has nothing after the @")),
            ],
            run.Report.RejectedRows.Select(r => (r.Line, r.Errors.Single())));
        Assert.Equal("Edsger,Dijkstra,edsger@,https://www.linkedin.com/in/edsger,,,,,,,", run.Report.RejectedRows[3].RawText);
    }

    [Fact]
    public async Task A_row_with_several_problems_lists_them_all()
    {
        var run = await ImportRun.TextAsync(Header + "\n" + "Ada," + new string('L', 300) + ",ada@,,,,,31/31/2024,,,\n");

        Assert.Equal(
            ["Last name", "Email", "Met on"],
            run.Report.RejectedRows.Single().Errors.Select(e => e.Field));
        Assert.Equal("is 300 characters long; the limit is 256", run.Report.RejectedRows[0].Errors[0].Reason);
    }

    [Fact]
    public async Task Formula_like_cells_are_kept_as_text_and_counted()
    {
        var run = await ImportRun.TextAsync(
            Header + "\n" +
            "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",Babbage,charles@example.org,,+Acme,-,,,@mention,,\n");

        var charles = run.ContactOn(2);
        Assert.Equal("=HYPERLINK(\"http://evil.example\",\"x\")", charles.FirstName);
        Assert.Equal(("+Acme", "-", "@mention"), (charles.Company, charles.Position, charles.Notes));
        Assert.Equal(4, run.Report.FormulaLikeCells);
    }

    [Fact]
    public async Task Whitespace_is_trimmed_and_collapsed_and_the_email_key_is_lower_cased()
    {
        var run = await ImportRun.TextAsync(Header + "\n" + "  Ada \t ,\u00a0Lovelace , Ada@Example.ORG ,,\" Acme\n Labs \",  Chief   Engineer,,,\"  line one  \n\n\n  line   two \",,\" a , b ,A \"\n");

        var ada = run.ContactOn(2);
        Assert.Equal(("Ada", "Lovelace", "Ada@Example.ORG", "ada@example.org"), (ada.FirstName, ada.LastName, ada.Email, ada.EmailKey));
        Assert.Equal(("Acme Labs", "Chief Engineer"), (ada.Company, ada.Position));
        Assert.Equal("line one\n\nline two", ada.Notes);
        Assert.Equal(["a", "b"], ada.Tags);
    }

    [Theory]
    [InlineData("\"Acme\tLabs\"", "Acme Labs")]
    [InlineData("\"Acme  Labs\"", "Acme Labs")]
    [InlineData("\" Acme Labs \"", "Acme Labs")]
    [InlineData("Acme\u00a0Labs", "Acme Labs")]
    [InlineData("Acme\u2003Labs", "Acme Labs")]
    [InlineData("Acme\u3000Labs", "Acme Labs")]
    [InlineData("\"Acme\r\nLabs\"", "Acme Labs")]
    [InlineData("Acme\u2028Labs", "Acme Labs")]
    [InlineData("Café Labs", "Café Labs")]
    [InlineData("Acme Labs", "Acme Labs")]
    public async Task A_single_cell_needing_cleaning_is_cleaned_in_an_otherwise_plain_row(string company, string expected)
    {
        var run = await ImportRun.TextAsync(Header + "\n" + $"Ada,Lovelace,ada@example.org,,{company},Engineer,,,,,\n");

        var ada = run.ContactOn(2);
        Assert.Equal((expected, "Ada", "Engineer"), (ada.Company, ada.FirstName, ada.Position));
    }

    [Fact]
    public async Task A_unicode_line_separator_in_notes_is_a_line_break_as_a_converted_workbook_writes_one()
    {
        var run = await ImportRun.TextAsync(Header + "\n" + "Ada,Lovelace,ada@example.org,,Acme,Engineer,,,Engines \u2028 and poetry\u2028\u2028\u2028Later,,\n");

        Assert.Equal("Engines\nand poetry\n\nLater", run.ContactOn(2).Notes);
    }

    [Fact]
    public async Task A_tab_inside_a_quoted_cell_of_a_tab_separated_file_is_cleaned()
    {
        var run = await ImportRun.TextAsync("First name\tLast name\tEmail\tCompany\nAda\tLovelace\tada@example.org\t\"Acme\tLabs\"\n");

        Assert.Equal("Acme Labs", run.ContactOn(2).Company);
    }

    [Fact]
    public async Task A_full_name_written_last_comma_first_is_split_at_the_comma()
    {
        var run = await ImportRun.TextAsync(
            "Name,Email,Company,Notes\n" +
            "\"Lovelace, Ada\",ada@example.org,Analytical Engines,\n" +
            "\"Hopper,Grace Brewster\",grace@example.org,US Navy,\n" +
            "Alan Turing,alan@example.org,Bletchley Park,\n");

        Assert.Equal(3, run.Report.Accepted);
        Assert.Equal(("Ada", "Lovelace"), (run.ContactOn(2).FirstName, run.ContactOn(2).LastName));
        Assert.Equal(("Grace Brewster", "Hopper"), (run.ContactOn(3).FirstName, run.ContactOn(3).LastName));
        Assert.Equal(("Alan", "Turing"), (run.ContactOn(4).FirstName, run.ContactOn(4).LastName));
        Assert.Null(run.ContactOn(2).Notes);
    }

    [Theory]
    [InlineData("Jane Doe, MBA", "Jane", "Doe")]
    [InlineData("Jane Doe, m.b.a.", "Jane", "Doe")]
    [InlineData("Martin Luther King, Jr.", "Martin Luther", "King")]
    [InlineData("Doe, Jane, Ph.D.", "Jane", "Doe")]
    [InlineData("Jane Doe, MBA, CPA", "Jane", "Doe")]
    [InlineData("Henry Ford, III", "Henry", "Ford")]
    public async Task A_suffix_or_credential_after_a_comma_is_neither_name_nor_a_topic_for_the_notes(string written, string first, string last)
    {
        var run = await ImportRun.TextAsync(
            "Name,Email,Company,Notes\n" +
            $"\"{written}\",jane@example.org,Acme,\n" +
            $"\"{written}\",jane.doe@example.org,Acme,Talked about audits\n");

        Assert.Equal(ImportRowOutcome.Merged, run.Row(3).Outcome); // the same name and company: one person
        var jane = run.ContactOn(2);
        Assert.Equal((first, last), (jane.FirstName, jane.LastName));
        Assert.Equal("Talked about audits", jane.Notes); // the notes' first line is the topic a thank-you note names
    }

    [Fact]
    public async Task Default_event_and_met_on_apply_to_rows_that_have_none()
    {
        var options = ImportRun.Options() with { DefaultEvent = "Class visit: Contoso", DefaultMetOn = new DateOnly(2024, 11, 14) };
        var run = await ImportRun.TextAsync(
            Header + "\n" +
            "Ada,Lovelace,ada@example.org,,,,,,,,\n" +
            "Alan,Turing,alan@example.org,,,,Career fair,,,,\n" +
            "Grace,Hopper,grace@example.org,,,,Meetup,2024-10-01,,,\n",
            options);

        Assert.Equal([new EventMet("Class visit: Contoso", new DateOnly(2024, 11, 14))], run.ContactOn(2).Events);
        Assert.Equal([new EventMet("Career fair", new DateOnly(2024, 11, 14))], run.ContactOn(3).Events);
        Assert.Equal([new EventMet("Meetup", new DateOnly(2024, 10, 1))], run.ContactOn(4).Events);
    }

    [Fact]
    public async Task Met_on_written_as_a_spreadsheet_writes_a_date_with_its_month_name_imports_the_person()
    {
        // Typed into Excel or Google Sheets and saved as CSV: the month's name leaves no doubt which number is the day,
        // yet each of these rows, the person with it, was refused as "not a date".
        var run = await ImportRun.TextAsync(
            "First name,Last name,Email,Event,Met on,What we talked about\n" +
            "Amara,Okafor,amara@northwind.example,Careers fair,\"Nov 14, 2024\",Graduate scheme\n" +
            "Ben,Ito,ben@contoso.example,Careers fair,14-Nov-2024,Internships\n" +
            "Cleo,Diaz,cleo@fabrikam.example,Careers fair,\"Thursday, November 14, 2024\",Mentoring\n");

        Assert.Equal((3, 0), (run.Report.Accepted, run.Report.Rejected));
        Assert.All([2, 3, 4], line => Assert.Equal([new EventMet("Careers fair", new DateOnly(2024, 11, 14))], run.ContactOn(line).Events));
    }

    [Fact]
    public async Task Ambiguous_met_on_is_rejected_unless_a_date_culture_is_given()
    {
        const string text = Header + "\nAna,Lima,ana@example.org,,,,,03/04/2024,,,\n";

        var strict = await ImportRun.TextAsync(text);
        var british = await ImportRun.TextAsync(text, ImportRun.Options() with { DateCulture = CultureInfo.GetCultureInfo("en-GB") });

        Assert.Equal("Met on", strict.Report.RejectedRows.Single().Errors.Single().Field);
        Assert.Equal(new DateOnly(2024, 4, 3), british.ContactOn(2).Events.Single().MetOn);
    }

    [Fact]
    public async Task Bad_parameters_are_refused_naming_the_parameter()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => ImportRun.TextAsync(Header + "\n", ImportRun.Options() with { BatchSize = 500 }));

        Assert.Equal(("import.bad-parameter", "batchSize"), (error.Code, error.Target));
    }
}
