using Outreach.Core.Contacts;
using Outreach.Core.Imports;

namespace Outreach.Core.Tests.Imports;

public sealed class DeduplicationTests
{
    private const string Header = "First name,Last name,Email,LinkedIn URL,Company,Position,Event,Met on,What we talked about,What I can offer,Tags";

    [Fact]
    public async Task Rows_match_by_email_then_linkedin_url_then_name_and_company()
    {
        var run = await ImportRun.TextAsync(
            Header + "\n" +
            "Ada,Lovelace,ada@example.org,https://www.linkedin.com/in/ada,Acme,,Fair,2024-10-01,,,\n" +
            "Ada,Lovelace,ADA@example.org,,,,,,,,\n" +                                     // email
            "A.,Lovelace,,linkedin.com/in/ADA/,,,Meetup,2024-10-02,,,\n" +                // LinkedIn URL
            "ADA,LOVELACE,,https://www.linkedin.com/in/other-ada,\"ACME\",,,,,,\n" +      // name + company
            "Ada,Lovelace,ada2@example.org,,Globex,,,,,,\n");                             // same name, other company: new

        Assert.Equal((2, 3, 0), (run.Report.Accepted, run.Report.Merged, run.Report.Rejected));
        Assert.Equal(run.Row(2).ContactId, run.Row(3).ContactId);
        Assert.Equal(run.Row(2).ContactId, run.Row(4).ContactId);
        Assert.Equal(run.Row(2).ContactId, run.Row(5).ContactId);
        Assert.NotEqual(run.Row(2).ContactId, run.Row(6).ContactId);
        var ada = run.ContactOn(2);
        Assert.Equal([new EventMet("Fair", new DateOnly(2024, 10, 1)), new EventMet("Meetup", new DateOnly(2024, 10, 2))], ada.Events);
        Assert.Equal("https://www.linkedin.com/in/ada", ada.LinkedInUrl); // a known value is never replaced
    }

    [Fact]
    public async Task Diacritics_punctuation_and_spacing_do_not_split_a_person_matched_by_name_and_company()
    {
        var run = await ImportRun.TextAsync(
            Header + "\n" +
            "José,García,jose@acme.example,,\"Acme, Inc.\",,,,,,\n" +
            "jose,  GARCIA,,https://www.linkedin.com/in/jgarcia,acme inc,Buyer,,,,,\n");

        Assert.Equal((1, 1), (run.Report.Accepted, run.Report.Merged));
        var jose = Assert.Single(run.Contacts);
        Assert.Equal(("José", "García", "Buyer", "https://www.linkedin.com/in/jgarcia"), (jose.FirstName, jose.LastName, jose.Position, jose.LinkedInUrl));
    }

    [Fact]
    public async Task Merging_fills_gaps_keeps_every_event_appends_notes_once_and_unions_tags()
    {
        var run = await ImportRun.TextAsync(
            Header + "\n" +
            "Ada,,ada@example.org,,,,Class visit,2024-11-14,Talked about engines,,\"math, engines\"\n" +
            "Ada,Lovelace,ada@example.org,,Acme,Engineer,Alumni night,2024-12-01,Asked about poetry,Send my notes,\"Engines; alumni\"\n" +
            "Ada,Lovelace,ada@example.org,,Other Co,,Class visit,2024-11-14,Talked about engines,,\n" +
            ",Lovelace,ada@example.org,,,,,,,,\n");

        Assert.Equal((1, 3), (run.Report.Accepted, run.Report.Merged));
        var ada = Assert.Single(run.Contacts);
        Assert.Equal(("Ada", "Lovelace", "Acme", "Engineer", "Send my notes"), (ada.FirstName, ada.LastName, ada.Company, ada.Position, ada.Offer));
        Assert.Equal([new EventMet("Class visit", new DateOnly(2024, 11, 14)), new EventMet("Alumni night", new DateOnly(2024, 12, 1))], ada.Events);
        Assert.Equal("Talked about engines" + ContactMerger.NoteSeparator + "Asked about poetry", ada.Notes);
        Assert.Equal(["math", "engines", "alumni"], ada.Tags);
    }

    [Fact]
    public async Task Reimporting_the_same_file_changes_nothing_and_reports_every_row_unchanged()
    {
        var file = await File.ReadAllBytesAsync(Path.Combine(Testing.LocalServices.RepositoryRoot.Path, "samples", "class-visit.csv"));
        var first = await ImportRun.BytesAsync(file);
        var before = first.Contacts;

        var second = await ImportRun.BytesAsync(file, directory: first.Directory);

        Assert.Equal((0, 0, 20, 0), (second.Report.Accepted, second.Report.Merged, second.Report.Unchanged, second.Report.Rejected));
        Assert.All(second.Rows, r => Assert.Equal(ImportRowOutcome.Unchanged, r.Outcome));
        Assert.Equal(before, second.Contacts);
        Assert.Equal(first.Rows.Select(r => r.ContactId), second.Rows.Select(r => r.ContactId));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public async Task A_second_address_given_with_a_known_profile_finds_that_person_later_and_in_the_next_import(int batchSize)
    {
        var file =
            Header + "\n" +
            "Ada,Lovelace,ada@example.org,https://www.linkedin.com/in/ada,,,,,,,\n" +
            "Ada,Lovelace,ada.home@example.net,https://www.linkedin.com/in/ada,,,,,,,\n" + // found by the URL; the address is new
            "Grace,Hopper,grace@example.org,https://www.linkedin.com/in/grace,,,,,,,\n" +
            "Ada,L.,ada.home@example.net,https://www.linkedin.com/in/grace,,,,,,,\n"; // Grace's URL stays hers
        var first = await ImportRun.TextAsync(file, ImportRun.Options() with { BatchSize = batchSize });

        var again = await ImportRun.TextAsync(file, ImportRun.Options() with { BatchSize = batchSize }, first.Directory);

        Assert.Equal((2, 2), (first.Report.Accepted, first.Report.Merged));
        Assert.Equal(first.Row(2).ContactId, first.Row(5).ContactId);
        Assert.Equal("ada@example.org", first.ContactOn(5).Email);
        Assert.Equal(4, again.Report.Unchanged);
        Assert.Equal(first.Rows.Select(r => r.ContactId), again.Rows.Select(r => r.ContactId));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public async Task Further_addresses_of_an_Outlook_row_find_that_person_later_in_the_file_and_in_the_next_import(int batchSize)
    {
        var outlook =
            "\"First Name\",\"Middle Name\",\"Last Name\",\"E-mail Address\",\"E-mail 2 Address\",\"E-mail 3 Address\",\"Company\",\"Job Title\"\r\n" +
            "Annie,,Easley,annie@nasa.example,Annie.Home@mail.example,annie.old@mail.example,NASA,Scientist\r\n" +
            "Annie,,Easley,annie.home@mail.example,,,,\r\n" + // only her second address: the same person
            "A.,,Easley,,,annie.old@mail.example,,\r\n" + // only her third
            "Dorothy,,Vaughan,dorothy@nasa.example,dorothy at nasa,,NASA,\r\n"; // a broken further address is left out, never an error
        var first = await ImportRun.TextAsync(outlook, ImportRun.Options() with { BatchSize = batchSize });

        var later = await ImportRun.TextAsync(
            "Name,Email\nAnnie Easley,ANNIE.HOME@mail.example\nA. Easley,annie.old@mail.example\n", ImportRun.Options() with { BatchSize = batchSize }, first.Directory);
        var again = await ImportRun.TextAsync(outlook, ImportRun.Options() with { BatchSize = batchSize }, first.Directory);

        Assert.Equal((2, 2, 0), (first.Report.Accepted, first.Report.Merged, first.Report.Rejected));
        var annie = first.Row(2).ContactId;
        Assert.Equal((annie, annie), (first.Row(3).ContactId, first.Row(4).ContactId));
        Assert.Equal("annie@nasa.example", first.ContactOn(2).Email); // her own address stays the one she is written to
        Assert.Equal(ImportRowOutcome.New, first.Row(5).Outcome);
        Assert.All(later.Rows, r => Assert.Equal(annie, r.ContactId));
        Assert.Equal((0, 2), (later.Report.Accepted, later.Report.Unchanged));
        Assert.Equal(4, again.Report.Unchanged);
        Assert.Equal(first.Rows.Select(r => r.ContactId), again.Rows.Select(r => r.ContactId));
        Assert.Equal(2, first.Contacts.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public async Task An_address_two_peoples_rows_share_finds_only_the_person_of_the_rows_own_name(int batchSize)
    {
        var outlook =
            "\"First Name\",\"Last Name\",\"E-mail Address\",\"E-mail 2 Address\",\"Company\"\r\n" +
            "Katherine,Johnson,team@nasa.example,,NASA\r\n" + // the shared address is hers first
            "Mary,Jackson,mary@nasa.example,team@nasa.example,NASA\r\n" + // another person: not merged into Katherine
            "Katherine,Johnson,kj@home.example,TEAM@nasa.example,Home\r\n"; // Katherine again, at home: merged by the shared address
        var first = await ImportRun.TextAsync(outlook, ImportRun.Options() with { BatchSize = batchSize });

        // In the next import too: a stored contact is found by a further address only under the row's own name.
        var later = await ImportRun.TextAsync(
            "Name,Email,Other email\nDorothy Vaughan,dorothy@nasa.example,team@nasa.example\nKATHERINE JOHNSON,k.johnson@nasa.example,team@nasa.example\n",
            ImportRun.Options() with { BatchSize = batchSize },
            first.Directory);
        var again = await ImportRun.TextAsync(outlook, ImportRun.Options() with { BatchSize = batchSize }, first.Directory);

        var katherine = first.Row(2).ContactId;
        Assert.Equal((2, 1, 0), (first.Report.Accepted, first.Report.Merged, first.Report.Rejected));
        Assert.Equal(ImportRowOutcome.New, first.Row(3).Outcome);
        Assert.NotEqual(katherine, first.Row(3).ContactId);
        Assert.Equal((ImportRowOutcome.Merged, katherine), (first.Row(4).Outcome, first.Row(4).ContactId));
        Assert.Equal((ImportRowOutcome.New, ImportRowOutcome.Merged), (later.Row(2).Outcome, later.Row(3).Outcome));
        Assert.Equal(katherine, later.Row(3).ContactId);
        Assert.Equal(first.Rows.Select(r => r.ContactId), again.Rows.Select(r => r.ContactId));
        Assert.Equal(3, again.Report.Unchanged);
    }

    [Fact]
    public async Task The_other_addresses_of_a_Google_cell_find_that_person_in_the_next_import()
    {
        var first = await ImportRun.FixtureAsync("google-contacts-old.csv"); // Charles: "CHARLES@Analytical.example ::: charles.b@home.example"

        var later = await ImportRun.TextAsync("Name,Email\nCharles Babbage,charles.b@home.example\n", directory: first.Directory);

        Assert.Equal(first.Row(3).ContactId, later.Row(2).ContactId);
        Assert.Equal(ImportRowOutcome.Unchanged, later.Row(2).Outcome);
        Assert.Equal("CHARLES@Analytical.example", first.ContactOn(3).Email);
    }

    [Fact]
    public async Task Contact_ids_are_the_same_in_a_fresh_directory_so_a_retried_import_is_idempotent()
    {
        const string text = Header + "\nAda,Lovelace,ada@example.org,,,,,,,,\n";

        var one = await ImportRun.TextAsync(text);
        var two = await ImportRun.TextAsync(text);

        Assert.Equal(ContactIdFactory.Create(ImportRun.Owner, new ContactKey(ContactKeyKind.Email, "ada@example.org")), one.Row(2).ContactId);
        Assert.Equal(one.Row(2).ContactId, two.Row(2).ContactId);
    }

    [Fact]
    public async Task Rows_matching_stored_contacts_merge_into_them_and_report_unchanged_when_they_add_nothing()
    {
        var directory = new InMemoryContactDirectory();
        var stored = new Contact
        {
            OwnerId = ImportRun.Owner,
            ContactId = "manual-1",
            FirstName = "Grace",
            LastName = "Hopper",
            Email = "grace@navy.example",
            Company = "US Navy",
            Notes = "Met at the COBOL talk",
        };
        await directory.WriteAsync(ImportRun.Owner, [stored], CancellationToken.None);

        var run = await ImportRun.TextAsync(
            Header + "\n" +
            "Grace,Hopper,GRACE@navy.example,,,,,,Met at the COBOL talk,,\n" +                 // adds nothing
            "Grace,Hopper,,https://www.linkedin.com/in/grace-hopper,US Navy,Admiral,,,,,\n" +     // by name + company: adds URL, position
            "Grace,Hopper,,https://www.linkedin.com/in/grace-hopper,,,Conference,2024-05-01,,,\n", // by the URL just added
            directory: directory);

        Assert.Equal((0, 2, 1), (run.Report.Accepted, run.Report.Merged, run.Report.Unchanged));
        Assert.Equal(ImportRowOutcome.Unchanged, run.Row(2).Outcome);
        Assert.All(run.Rows, r => Assert.Equal("manual-1", r.ContactId));
        var grace = Assert.Single(run.Contacts);
        Assert.Equal(("https://www.linkedin.com/in/grace-hopper", "Admiral"), (grace.LinkedInUrl, grace.Position));
        Assert.Equal([new EventMet("Conference", new DateOnly(2024, 5, 1))], grace.Events);
        Assert.Equal("Met at the COBOL talk", grace.Notes);
    }

    [Fact]
    public async Task Duplicates_far_apart_merge_across_batches_and_changed_contacts_are_written_in_batches()
    {
        var lines = new List<string> { Header };
        for (var i = 0; i < 10; i++)
        {
            lines.Add($"Person,{i},p{i}@example.org,,,,Day one,2024-01-01,,,");
        }

        lines.Add("Person,3,P3@EXAMPLE.ORG,,Acme,,Day two,2024-01-02,Second meeting,,"); // line 12, three batches later
        var run = await ImportRun.TextAsync(string.Join('\n', lines) + "\n", ImportRun.Options() with { BatchSize = 3 });

        Assert.Equal((10, 1), (run.Report.Accepted, run.Report.Merged));
        Assert.Equal(4, run.Directory.BatchesWritten); // 11 rows in batches of 3, each batch changed something
        Assert.Equal(10, run.Contacts.Count);
        var p3 = run.ContactOn(5);
        Assert.Equal(run.Row(5).ContactId, run.Row(12).ContactId);
        Assert.Equal(("p3@example.org", "Acme", "Second meeting"), (p3.Email, p3.Company, p3.Notes));
        Assert.Equal([new EventMet("Day one", new DateOnly(2024, 1, 1)), new EventMet("Day two", new DateOnly(2024, 1, 2))], p3.Events);
        Assert.Equal(5, p3.Source!.Line);
    }

    [Fact]
    public async Task Progress_is_reported_after_each_batch_with_rows_and_bytes()
    {
        var lines = new List<string> { Header };
        for (var i = 0; i < 250; i++)
        {
            lines.Add($"Person,{i},p{i}@example.org,,,,,,,,");
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
        var run = await ImportRun.BytesAsync(bytes);

        Assert.Equal([100L, 200, 250], run.Progress.Select(p => p.RowsRead));
        Assert.All(run.Progress, p => Assert.Equal(bytes.Length, p.TotalBytes));
        Assert.Equal(bytes.Length, run.Progress[^1].BytesRead);
        Assert.Equal(bytes.Length, run.Report.BytesRead);
    }

    [Fact]
    public async Task Progress_counts_what_the_written_batches_stored_so_an_import_cut_short_can_say_it()
    {
        var lines = new List<string> { Header };
        for (var i = 0; i < 250; i++)
        {
            lines.Add(i % 10 == 9 ? $"Person,{i},not-an-address,,,,,,,," : $"Person,{i},p{i}@example.org,,,,,,,,");
        }

        var directory = new InMemoryContactDirectory();
        var sink = new FailingOnThirdBatch(directory);
        var progress = new List<ImportProgress>();
        using var file = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));

        await Assert.ThrowsAsync<IOException>(() => new ContactImporter(directory, sink)
            .ImportAsync(file, ImportRun.Options(), new SynchronousProgress(progress.Add), CancellationToken.None));

        var last = progress[^1];
        Assert.Equal((200L, 180L, 0L, 0L, 20L), (last.RowsRead, last.Accepted, last.Merged, last.Unchanged, last.Rejected));
        Assert.Equal(180, directory.Contacts(ImportRun.Owner).Count);
    }

    /// <summary>Writes to the directory, but the third batch fails as storage going away would.</summary>
    private sealed class FailingOnThirdBatch(InMemoryContactDirectory directory) : IContactSink
    {
        private int _batches;

        public ValueTask WriteAsync(string ownerId, IReadOnlyList<Contact> contacts, CancellationToken cancellationToken) =>
            throw new NotSupportedException("The import writes with claims.");

        public ValueTask WriteAsync(
            string ownerId, IReadOnlyList<Contact> contacts, IReadOnlyList<bool> storedAlready, IReadOnlyList<ContactKeyClaim> claims, CancellationToken cancellationToken) =>
            ++_batches == 3 ? throw new IOException("storage went away") : directory.WriteAsync(ownerId, contacts, storedAlready, claims, cancellationToken);
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
