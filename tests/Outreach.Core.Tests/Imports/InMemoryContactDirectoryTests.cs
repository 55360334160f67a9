using Outreach.Core.Contacts;

namespace Outreach.Core.Tests.Imports;

public sealed class InMemoryContactDirectoryTests
{
    [Fact]
    public async Task Writes_merge_into_the_stored_contact_and_every_key_finds_it()
    {
        var directory = new InMemoryContactDirectory();
        var first = new Contact { OwnerId = "o", ContactId = "c1", FirstName = "Ada", Email = "Ada@example.org", Company = "Acme", Tags = ["a"] };
        var partial = new Contact { OwnerId = "o", ContactId = "c1", LinkedInUrl = "https://www.linkedin.com/in/ada", Tags = ["b"] };

        await directory.WriteAsync("o", [first], CancellationToken.None);
        await directory.WriteAsync("o", [partial], CancellationToken.None);
        var found = await directory.FindAsync(
            "o",
            [new ContactKey(ContactKeyKind.Email, "ada@example.org"), new ContactKey(ContactKeyKind.LinkedIn, "https://www.linkedin.com/in/ada"), new ContactKey(ContactKeyKind.NameAndCompany, "ada|acme"), new ContactKey(ContactKeyKind.Email, "nobody@example.org")],
            CancellationToken.None);

        var stored = Assert.Single(directory.Contacts("o"));
        Assert.Equal(("Ada", "https://www.linkedin.com/in/ada"), (stored.FirstName, stored.LinkedInUrl));
        Assert.Equal(["a", "b"], stored.Tags);
        Assert.Equal(3, found.Count);
        Assert.All(found.Values, c => Assert.Equal("c1", c.ContactId));
        Assert.Equal(2, directory.BatchesWritten);
    }

    [Fact]
    public async Task A_contact_believed_stored_but_not_held_is_not_written_as_a_store_treats_one_erased_meanwhile()
    {
        var directory = new InMemoryContactDirectory();
        var held = new Contact { OwnerId = "o", ContactId = "held", FirstName = "Ada" };
        await directory.WriteAsync("o", [held], CancellationToken.None);

        await directory.WriteAsync(
            "o",
            [held with { Company = "Acme" }, new Contact { OwnerId = "o", ContactId = "gone", FirstName = "Erased" }, new Contact { OwnerId = "o", ContactId = "new", FirstName = "Grace" }],
            [true, true, false],
            [],
            CancellationToken.None);

        Assert.Equal([("held", "Acme"), ("new", null)], directory.Contacts("o").Select(c => (c.ContactId, c.Company)));
    }

    [Fact]
    public async Task Owners_do_not_see_each_others_contacts()
    {
        var directory = new InMemoryContactDirectory();
        await directory.WriteAsync("o1", [new Contact { OwnerId = "o1", ContactId = "c1", Email = "ada@example.org" }], CancellationToken.None);

        var found = await directory.FindAsync("o2", [new ContactKey(ContactKeyKind.Email, "ada@example.org")], CancellationToken.None);

        Assert.Empty(found);
        Assert.Empty(directory.Contacts("o2"));
        await Assert.ThrowsAsync<ArgumentException>(() => directory.WriteAsync("o2", [new Contact { OwnerId = "o1", ContactId = "c2" }], CancellationToken.None).AsTask());
    }
}
