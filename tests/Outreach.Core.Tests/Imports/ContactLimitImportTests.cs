using System.Globalization;
using System.Text;
using Outreach.Core.Contacts;
using Outreach.Core.Imports;

namespace Outreach.Core.Tests.Imports;

/// <summary>A person imported again and again stops growing at <see cref="ContactLimits"/>, and the rows that found no room say so.</summary>
public sealed class ContactLimitImportTests
{
    private const string Header = "First name,Last name,Email,LinkedIn URL,Company,Position,Event,Met on,What we talked about,What I can offer,Tags";

    /// <summary>Notes of 4,000 characters fit 37 times in a contact: 4,000 + 36 × (5 + 4,000) = 148,180, and a 38th would pass 150,000.</summary>
    private const int NotesThatFit = 37;

    [Theory]
    [InlineData(100)] // every row in one batch: merged in memory
    [InlineData(1)] // every row its own batch: each row is sent to be merged into the contact written before
    public async Task Notes_stop_at_the_limit_and_each_row_past_it_says_its_notes_were_not_added(int batchSize)
    {
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 1; i <= NotesThatFit + 3; i++)
        {
            var position = i == NotesThatFit + 2 ? "Engineer" : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"Ada,Lovelace,ada@example.org,,Acme,{position},,,{Note(i)},,\n");
        }

        var run = await ImportRun.TextAsync(text.ToString(), ImportRun.Options() with { BatchSize = batchSize });

        var ada = Assert.Single(run.Contacts);
        Assert.Equal(string.Join(ContactMerger.NoteSeparator, Enumerable.Range(1, NotesThatFit).Select(Note)), ada.Notes);
        Assert.Equal("Engineer", ada.Position); // the rest of a row past the limit still merges
        Assert.Equal((1, NotesThatFit + 2, 0, 3), (run.Report.Accepted, run.Report.Merged, run.Report.Rejected, run.Report.RowsWithPartsLeftOut));
        var leftOut = run.Rows.Where(r => r.Errors.Count > 0).ToList();
        Assert.Equal([NotesThatFit + 2, NotesThatFit + 3, NotesThatFit + 4], leftOut.Select(r => r.Line));
        Assert.All(leftOut, r => Assert.Equal(
            new RowError("What we talked about", "was not added: the contact's notes would pass 150,000 characters, the most a contact keeps; the rest of the row was merged"),
            Assert.Single(r.Errors)));
        Assert.Equal(ContactFieldSet.Position, run.Row(NotesThatFit + 3).Filled);
        Assert.StartsWith("3 rows were merged into contacts with no room left for some of their notes, offers, events met or tags", run.Report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contact_stored_at_the_limit_takes_a_later_import_s_row_without_its_notes_and_reports_it_already_known()
    {
        var directory = new InMemoryContactDirectory();
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 1; i <= NotesThatFit; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"Ada,Lovelace,ada@example.org,,Acme,,,,{Note(i)},,\n");
        }

        await ImportRun.TextAsync(text.ToString(), directory: directory);
        var before = Assert.Single(directory.Contacts(ImportRun.Owner));

        var again = await ImportRun.TextAsync(Header + "\n" + $"Ada,Lovelace,ADA@example.org,,Acme,,,,{Note(99)},,\n", directory: directory);

        var row = Assert.Single(again.Rows);
        Assert.Equal(ImportRowOutcome.Unchanged, row.Outcome); // nothing else to add: already known, with the note not added
        Assert.Equal("What we talked about", Assert.Single(row.Errors).Field);
        Assert.Equal(1, again.Report.RowsWithPartsLeftOut);
        Assert.Equal(before, Assert.Single(again.Contacts));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(1)]
    public async Task Events_met_stop_at_the_limit(int batchSize)
    {
        var text = new StringBuilder(Header).Append('\n');
        var start = new DateOnly(2020, 1, 1);
        for (var i = 0; i <= ContactLimits.Events; i++)
        {
            // The first event comes back once more before the last: it is known, so it costs no room.
            var metOn = i == ContactLimits.Events ? start : start.AddDays(i);
            text.Append(CultureInfo.InvariantCulture, $"Ada,Lovelace,ada@example.org,,Acme,,Meetup,{metOn:yyyy-MM-dd},,,\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"Ada,Lovelace,ada@example.org,,Acme,,Meetup,{start.AddDays(ContactLimits.Events):yyyy-MM-dd},,,\n");

        var run = await ImportRun.TextAsync(text.ToString(), ImportRun.Options() with { BatchSize = batchSize });

        var ada = Assert.Single(run.Contacts);
        Assert.Equal(ContactLimits.Events, ada.Events.Count);
        var leftOut = Assert.Single(run.Rows, r => r.Errors.Count > 0);
        Assert.Equal(ContactLimits.Events + 3, leftOut.Line);
        Assert.Equal(
            new RowError("Event", "was not added: the contact would have more than 100 events met, the most a contact keeps; the rest of the row was merged"),
            Assert.Single(leftOut.Errors));
    }

    /// <summary>A 4,000-character note (the most a cell may hold) that differs from every other.</summary>
    private static string Note(int number) => $"Note {number}: ".PadRight(4000, 'x');
}
