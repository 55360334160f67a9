using Outreach.Core.Contacts;

namespace Outreach.Core.Tests.Imports;

public sealed class ContactMergerTests
{
    private static readonly Contact Stored = new()
    {
        OwnerId = "o",
        ContactId = "c1",
        FirstName = "Ada",
        Email = "ada@example.org",
        Company = "Acme",
        Events = [new EventMet("Fair", new DateOnly(2024, 10, 1))],
        Notes = "Engines",
        Tags = ["math"],
        Source = new ContactSource("i1", "a.csv", 5),
    };

    [Fact]
    public void Empty_values_never_overwrite_and_known_values_are_never_replaced()
    {
        var incoming = new Contact { OwnerId = "o", ContactId = "other", FirstName = "Augusta", LastName = "Lovelace", Company = null, Source = new ContactSource("i2", "b.csv", 9) };

        var merged = ContactMerger.Merge(Stored, incoming, out var changed);

        Assert.True(changed);
        Assert.Equal(("c1", "Ada", "Lovelace", "Acme", "ada@example.org"), (merged.ContactId, merged.FirstName, merged.LastName, merged.Company, merged.Email));
        Assert.Equal(new ContactSource("i1", "a.csv", 5), merged.Source);
    }

    [Fact]
    public void Events_tags_and_notes_are_unioned_once_and_merging_again_changes_nothing()
    {
        var incoming = new Contact
        {
            OwnerId = "o",
            ContactId = "x",
            Events = [new EventMet("Fair", new DateOnly(2024, 10, 1)), new EventMet("Meetup", null)],
            Notes = "Poetry",
            Tags = ["MATH", "alumni"],
        };

        var once = ContactMerger.Merge(Stored, incoming);
        var twice = ContactMerger.Merge(once, incoming, out var changedAgain);
        var replayed = ContactMerger.Merge(Stored, once, out _); // a retried batch carrying the merged state

        Assert.Equal([new EventMet("Fair", new DateOnly(2024, 10, 1)), new EventMet("Meetup", null)], once.Events);
        Assert.Equal(["math", "alumni"], once.Tags);
        Assert.Equal("Engines" + ContactMerger.NoteSeparator + "Poetry", once.Notes);
        Assert.False(changedAgain);
        Assert.Same(once, twice);
        Assert.Equal(once.Notes, replayed.Notes);
        Assert.Equal(once.Events, replayed.Events);
    }

    [Fact]
    public void Notes_arriving_together_are_compared_one_by_one_so_none_is_kept_twice()
    {
        // What one batch's rows add to a contact written with an earlier batch: "Looms" is new, "Engines" is not.
        var sep = ContactMerger.NoteSeparator;
        var stored = Stored with { Notes = "Engines" + sep + "Poetry" };

        var merged = ContactMerger.Merge(stored, new Contact { OwnerId = "o", ContactId = "x", Notes = "Looms" + sep + "Engines" });

        Assert.Equal("Engines" + sep + "Poetry" + sep + "Looms", merged.Notes);
    }

    [Fact]
    public void A_note_that_is_only_part_of_an_existing_note_is_still_appended()
    {
        var merged = ContactMerger.Merge(Stored with { Notes = "Engines and looms" }, new Contact { OwnerId = "o", ContactId = "x", Notes = "Engines" });

        Assert.Equal("Engines and looms" + ContactMerger.NoteSeparator + "Engines", merged.Notes);
    }

    [Fact]
    public void A_part_that_would_pass_its_limit_is_left_out_whole_while_the_rest_of_the_row_merges()
    {
        var full = Stored with
        {
            Notes = new string('n', ContactLimits.Notes - 10),
            Offer = new string('o', ContactLimits.Offer - 10),
            Events = [.. Enumerable.Range(1, ContactLimits.Events).Select(d => new EventMet("Fair", new DateOnly(2024, 1, 1).AddDays(d)))],
            Tags = [new string('t', ContactLimits.TagCharacters - 3 - 4)], // room for one more character and its three
        };
        var incoming = new Contact
        {
            OwnerId = "o",
            ContactId = "x",
            Position = "Engineer",
            Notes = "Eleven char",
            Offer = "Twelve chars",
            Events = [new EventMet("Meetup", null)],
            Tags = ["ab"],
        };

        var merged = ContactMerger.Merge(full, incoming, out var changed, out var leftOut);
        var again = ContactMerger.Merge(merged, incoming, out var changedAgain, out var leftOutAgain);

        Assert.True(changed);
        Assert.Equal("Engineer", merged.Position);
        Assert.Equal(ContactFieldSet.Notes | ContactFieldSet.Offer | ContactFieldSet.Events | ContactFieldSet.Tags, leftOut);
        Assert.Same(full.Notes, merged.Notes);
        Assert.Same(full.Offer, merged.Offer);
        Assert.Same(full.Events, merged.Events);
        Assert.Same(full.Tags, merged.Tags);
        Assert.False(changedAgain); // idempotent: the part is left out again, nothing else changes
        Assert.Same(merged, again);
        Assert.Equal(leftOut, leftOutAgain);
    }

    [Fact]
    public void A_part_that_exactly_reaches_its_limit_is_merged()
    {
        var nearly = Stored with { Notes = new string('n', ContactLimits.Notes - ContactMerger.NoteSeparator.Length - 4), Tags = [new string('t', ContactLimits.TagCharacters - 3 - 4)] };

        var merged = ContactMerger.Merge(nearly, new Contact { OwnerId = "o", ContactId = "x", Notes = "four", Tags = ["a"] }, out _, out var leftOut);

        Assert.Equal(ContactFieldSet.None, leftOut);
        Assert.Equal(ContactLimits.Notes, merged.Notes!.Length);
        Assert.Equal(ContactLimits.TagCharacters, ContactLimits.TagLength(merged.Tags));
    }
}
