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
    public void A_note_that_is_only_part_of_an_existing_note_is_still_appended()
    {
        var merged = ContactMerger.Merge(Stored with { Notes = "Engines and looms" }, new Contact { OwnerId = "o", ContactId = "x", Notes = "Engines" });

        Assert.Equal("Engines and looms" + ContactMerger.NoteSeparator + "Engines", merged.Notes);
    }
}
