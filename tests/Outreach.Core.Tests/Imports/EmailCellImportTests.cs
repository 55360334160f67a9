using Outreach.Core.Imports;

namespace Outreach.Core.Tests.Imports;

/// <summary>
/// Email cells as real files hold them (<see cref="MailboxList"/>): an address written with its name, in angle brackets,
/// as a mailto: link or in quotes is read; several addresses in one cell give the contact its first and keep (or report)
/// the others; a cell holding no well-formed address is still refused, naming the row and field.
/// </summary>
public sealed class EmailCellImportTests
{
    private const string Header = "First name,Last name,Email,LinkedIn URL,Company,Position,Event,Met on,What we talked about,What I can offer,Tags";

    [Fact]
    public async Task The_email_cells_fixture_imports_with_exact_counts()
    {
        var run = await ImportRun.FixtureAsync("email-cells.csv");

        Assert.Equal((15L, 9L, 1L, 5L), (run.Report.RowsRead, run.Report.Accepted, run.Report.Merged, run.Report.Rejected));
        Assert.Equal([12, 13, 14, 15, 16], run.RejectedLines);
        Assert.Equal(
            [
                "jane.doe@contoso.example", "amara.okafor@northwind.example", "ada@analytical.example", "grace.hopper@navy.example",
                "alan@bletchley.example", "kim.ng@initrode.example", "charles@analytical.example", "pat.lee@fabrikam.example",
            ],
            new[] { 2, 3, 4, 5, 6, 7, 8, 9 }.Select(line => run.ContactOn(line).Email));
        Assert.Equal(("Amara", "Okafor"), (run.ContactOn(3).FirstName, run.ContactOn(3).LastName)); // the name the address was written with
        Assert.Equal(run.Row(7).ContactId, run.Row(10).ContactId); // found by the second address of line 7's cell
        Assert.Equal("Wants to hear about the data team", run.ContactOn(7).Notes);
        Assert.Equal(2, run.Report.RowsWithAddressesLeftOut);
        Assert.Equal(0, run.Report.RowsWithPartsLeftOut);
        Assert.Contains("2 rows were imported by their first address", run.Report.Message, StringComparison.Ordinal);

        Assert.Equal(
            [
                (12, new RowError("Email", "is not a valid email address: it ends with a dot")),
                (13, new RowError("Email", "is not a valid email address: it has no @")),
                (14, new RowError("Email", "is not a valid email address: it has a '<' or '>' that does not enclose an address as in Jane Doe <jane@example.org>")),
                (15, new RowError("Email", "is not a valid email address: its first address has no @")),
                (16, new RowError("First name / Last name", "is empty: a row needs a first, last or full name")),
            ],
            run.Report.RejectedRows.Select(r => (r.Line, r.Errors.Single())));
    }

    [Fact]
    public async Task An_address_left_out_of_a_cell_of_several_is_named_in_the_rows_outcome_without_its_text()
    {
        var run = await ImportRun.FixtureAsync("email-cells.csv");

        Assert.Equal(
            new RowError("Email", "holds a 2nd address, left out of the contact: it is not a valid email address (it has no @)"),
            Assert.Single(run.Row(9).Errors));
        Assert.Equal(
            new RowError("Email", "holds a 5th address, left out of the contact: a contact is found by its own address and at most 3 more"),
            Assert.Single(run.Row(11).Errors));
        Assert.Equal(ImportRowOutcome.New, run.Row(11).Outcome);
        Assert.All([2, 3, 4, 5, 6, 7, 8, 10], line => Assert.Empty(run.Row(line).Errors));
    }

    [Theory]
    [InlineData("Ada Lovelace <ada@example.org>")]
    [InlineData("\"Lovelace, Ada\" <ada@example.org>")]
    [InlineData("'Ada Lovelace' <ada@example.org>")]
    [InlineData("<ada@example.org>")]
    [InlineData("Ada <mailto:ada@example.org>")]
    [InlineData("MAILTO:ada@example.org?subject=Hello")]
    [InlineData("\"ada@example.org\"")]
    [InlineData("ada@example.org;")]
    [InlineData("Ada Lovelace <ada@example.org>; Charles Babbage <charles@example.org>")]
    [InlineData("Ada Lovelace (ada@example.org)")]
    [InlineData("ada@example.org (Ada Lovelace)")]
    [InlineData("ada@example.org (Lovelace, Ada), charles@example.org")]
    [InlineData("mailto:ada%40example.org")]
    [InlineData("<mailto:ada%2Bnotes@example.org>")]
    public async Task An_address_written_as_mail_clients_write_it_is_read(string cell)
    {
        var run = await ImportRun.TextAsync(Header + "\nAda,Lovelace," + CsvText.Cell(cell, ',') + ",,,,,,,,\n");

        Assert.Equal(cell.Contains("%2B", StringComparison.Ordinal) ? "ada+notes@example.org" : "ada@example.org", run.ContactOn(2).Email);
        Assert.Empty(run.Row(2).Errors);
    }

    [Fact]
    public async Task Every_further_address_of_a_cell_finds_the_contact_in_a_later_import()
    {
        var first = await ImportRun.TextAsync(Header + "\nAda,Lovelace,\"Ada <ada@example.org>, ada@home.example; mailto:ada@work.example\",,,,,,,,\n");
        var again = await ImportRun.TextAsync(
            Header + "\nAda,Lovelace,ada@home.example,,,,,,,,\nAda,Lovelace,ADA@work.example,,Analytical Engines,,,,,,\n", directory: first.Directory);

        Assert.Equal((1L, 0L), (first.Report.Accepted, first.Report.Rejected));
        Assert.Equal((0L, 2L), (again.Report.Accepted, again.Report.Merged + again.Report.Unchanged));
        Assert.All(again.Rows, row => Assert.Equal(first.Row(2).ContactId, row.ContactId));
        Assert.Equal("ada@example.org", first.ContactOn(2).Email);
    }

    [Fact]
    public async Task Addresses_on_lines_of_their_own_in_one_cell_are_several_addresses_but_a_name_beside_one_is_refused()
    {
        var run = await ImportRun.TextAsync(
            Header + "\n" +
            "Ada,Lovelace,\"ada@example.org\nada@home.example\",,,,,,,,\n" +
            "Jane,Doe,\"Jane\njane@example.org\",,,,,,,,\n" +
            "Ada,Lovelace,ada@home.example,,,,,,Met again,,\n");

        Assert.Equal((1L, 1L, 1L), (run.Report.Accepted, run.Report.Merged, run.Report.Rejected));
        Assert.Equal("ada@example.org", run.ContactOn(2).Email);
        Assert.Equal(run.Row(2).ContactId, run.Row(6).ContactId);
        Assert.Equal(new RowError("Email", "is not a valid email address: it contains a space"), run.Row(4).Errors.Single());
    }

    [Fact]
    public async Task A_row_with_no_name_takes_the_name_its_address_was_written_with_but_a_name_column_wins()
    {
        var run = await ImportRun.TextAsync(
            Header + "\n" +
            ",,Grace Hopper <grace@navy.example>,,,,,,,,\n" +
            "Amazing,,Grace Hopper <amazing@navy.example>,,,,,,,,\n" +
            ",,DR. ALAN TURING <alan@bletchley.example>,,,,,,,,\n" +
            ",,Ada Lovelace (ada@example.org),,,,,,,,\n" +
            ",,\"charles@example.org (Babbage, Charles)\",,,,,,,,\n");

        Assert.Equal(("Grace", "Hopper"), (run.ContactOn(2).FirstName, run.ContactOn(2).LastName));
        Assert.Equal(("Amazing", (string?)null), (run.ContactOn(3).FirstName, run.ContactOn(3).LastName));
        Assert.Equal(("Alan", "Turing"), (run.ContactOn(4).FirstName, run.ContactOn(4).LastName));
        Assert.Equal(("Ada", "Lovelace"), (run.ContactOn(5).FirstName, run.ContactOn(5).LastName));
        Assert.Equal(("Charles", "Babbage"), (run.ContactOn(6).FirstName, run.ContactOn(6).LastName));
    }

    [Theory]
    [InlineData("Ada Lovelace ada@example.org", "it contains a space")]
    [InlineData("Ada <ada@example.org> <charles@example.org>", "it has more than one <...>")]
    [InlineData("Ada <>", "it has nothing between < and >")]
    [InlineData("Ada <ada@example>", "it has no dot in the domain")]
    [InlineData("mailto:", "it has no @")]
    [InlineData(";;", "it holds no address, only separators")]
    [InlineData("ada@example; ada@example.org", "its first address has no dot in the domain")]
    [InlineData("ada@example.org.", "it ends with a dot")]
    public async Task A_cell_that_holds_no_well_formed_address_first_is_still_refused_naming_the_field(string cell, string reason)
    {
        var run = await ImportRun.TextAsync(Header + "\nAda,Lovelace," + CsvText.Cell(cell, ',') + ",,,,,,,,\n");

        Assert.Equal((2, new RowError("Email", "is not a valid email address: " + reason)), (run.RejectedLines.Single(), run.Report.RejectedRows[0].Errors.Single()));
    }

    [Fact]
    public async Task A_broken_further_address_column_is_named_in_the_rows_outcome()
    {
        var run = await ImportRun.TextAsync(
            "First name,Last name,Email,Secondary email,Other email\n" +
            "Ada,Lovelace,ada@example.org,ada@home,\"Ada <ada@work.example>\"\n");

        Assert.Equal(ImportRowOutcome.New, run.Row(2).Outcome);
        Assert.Equal(
            new RowError("Secondary email", "was left out of the contact: it is not a valid email address (it has no dot in the domain)"),
            Assert.Single(run.Row(2).Errors));
        var again = await ImportRun.TextAsync("First name,Last name,Email\nAda,Lovelace,ada@work.example\n", directory: run.Directory);
        Assert.Equal(run.Row(2).ContactId, again.Row(2).ContactId);
    }
}
