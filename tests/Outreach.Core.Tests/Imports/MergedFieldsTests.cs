using Outreach.Core.Contacts;
using Outreach.Core.Imports;

namespace Outreach.Core.Tests.Imports;

/// <summary>What a merged row reports as filled in: the contact's fields that were empty and the row gave a value.</summary>
public sealed class MergedFieldsTests
{
    private const string Header = "First name,Last name,Email,LinkedIn URL,Company,Position,Event,Met on,What we talked about,What I can offer,Tags";

    [Theory]
    [InlineData(100)] // both rows in one batch: merged into the pending contact
    [InlineData(1)]   // one row a batch: merged into a contact written with the batch before
    public async Task A_duplicate_row_reports_the_empty_fields_it_filled_whatever_the_batching(int batchSize)
    {
        var run = await ImportRun.TextAsync(
            Header + "\n" +
            "Ada,,ada@example.org,,,,Class visit,2024-11-14,Talked about engines,,\n" +
            "Ada,Lovelace,ADA@example.org,,Acme,,Alumni night,2024-12-01,Asked about poetry,,math\n" +
            "Ada,Lovelace,ada@example.org,,Acme,,,,,,\n",
            ImportRun.Options() with { BatchSize = batchSize });

        Assert.Equal((1, 2), (run.Report.Accepted, run.Report.Merged));
        Assert.Equal(ContactFieldSet.None, run.Row(2).Filled);
        Assert.Equal(ContactFieldSet.LastName | ContactFieldSet.Company | ContactFieldSet.Tags, run.Row(3).Filled);
        Assert.Equal(["lastName", "company", "tags"], ContactFieldSets.NamesOf(run.Row(3).Filled));
        Assert.Equal(ContactFieldSet.None, run.Row(4).Filled); // a duplicate that adds nothing new is still a merge
        Assert.Equal(ImportRowOutcome.Merged, run.Row(4).Outcome);
    }

    [Fact]
    public async Task A_row_adding_to_a_stored_contact_reports_what_it_filled_and_one_adding_nothing_is_unchanged()
    {
        var directory = new InMemoryContactDirectory();
        await ImportRun.TextAsync(Header + "\nAda,Lovelace,ada@example.org,,,,,,,,\n", directory: directory);

        var run = await ImportRun.TextAsync(
            Header + "\n" +
            "Ada,Lovelace,ada@example.org,https://www.linkedin.com/in/ada,Acme,Engineer,,,,,\n" +
            "Ada,Lovelace,ada@example.org,,,,,,,,\n",
            directory: directory);

        Assert.Equal((0, 1, 1), (run.Report.Accepted, run.Report.Merged, run.Report.Unchanged));
        Assert.Equal(ContactFieldSet.LinkedInUrl | ContactFieldSet.Company | ContactFieldSet.Position, run.Row(2).Filled);
        Assert.Equal(ImportRowOutcome.Unchanged, run.Row(3).Outcome);
        Assert.Equal(ContactFieldSet.None, run.Row(3).Filled);
    }
}
