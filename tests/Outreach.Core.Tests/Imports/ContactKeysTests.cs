// Tests of the contact types the import added (keys, merge, in-memory directory). They live beside the import
// tests because a Tests.Contacts namespace would capture other tests' relative "Contacts." references.
using Outreach.Core.Contacts;

namespace Outreach.Core.Tests.Imports;

public sealed class ContactKeysTests
{
    [Theory]
    [InlineData("José", "García", "Acme, Inc.", "jose garcia|acme inc")]
    [InlineData("  JOSE ", "garcia", "ACME   INC", "jose garcia|acme inc")]
    [InlineData("Zoë", "Ångström-Øst", "Nordic Labs", "zoe angstrom øst|nordic labs")]
    [InlineData("Jose\u0301", "Garcia", "Acme", "jose garcia|acme")]
    [InlineData(null, "O'Brien", "Wide World Importers", "o brien|wide world importers")]
    public void Name_and_company_fold_case_diacritics_punctuation_and_spacing(string? first, string? last, string company, string key)
    {
        Assert.Equal(key, ContactKeys.NameAndCompanyKey(first, last, company));
    }

    [Fact]
    public void Plain_ascii_words_fold_as_the_table_folds_them()
    {
        // Plain words take a lower-casing shortcut; a trailing "!" (a separator, folded to nothing) sends the same text
        // through the character table, so both roads must give the same key.
        var random = new Random(5);
        const string characters = "abcXYZ019 ";
        string Words() => new string([.. Enumerable.Range(0, random.Next(1, 12)).Select(_ => characters[random.Next(characters.Length)])]);
        for (var i = 0; i < 2000; i++)
        {
            var (first, last, company) = (Words(), Words(), Words());

            Assert.Equal(
                ContactKeys.NameAndCompanyKey(first + "!", last + "!", company + "!"),
                ContactKeys.NameAndCompanyKey(first, last, company));
        }
    }

    [Fact]
    public void Name_without_company_gives_no_key()
    {
        Assert.Null(ContactKeys.NameAndCompanyKey("Ada", "Lovelace", " "));
        Assert.Null(ContactKeys.NameAndCompanyKey(null, null, "Acme"));
    }

    [Fact]
    public void Keys_of_a_contact_come_strongest_first()
    {
        var contact = new Contact { OwnerId = "o", ContactId = "c", FirstName = "Ada", Email = " Ada@Example.org", LinkedInUrl = "https://www.linkedin.com/in/ada", Company = "Acme" };

        Assert.Equal(
            [
                new ContactKey(ContactKeyKind.Email, "ada@example.org"),
                new ContactKey(ContactKeyKind.LinkedIn, "https://www.linkedin.com/in/ada"),
                new ContactKey(ContactKeyKind.NameAndCompany, "ada|acme"),
            ],
            ContactKeys.Of(contact));
    }

    [Fact]
    public void Contact_ids_are_pinned_so_reimports_after_an_upgrade_still_match()
    {
        // Changing the id scheme would make every re-import create duplicates; this value must never change.
        Assert.Equal("y3lvj23hfb74kukxjuqmkqvjem", ContactIdFactory.Create("student-1", new ContactKey(ContactKeyKind.Email, "ada@example.org")));
        Assert.NotEqual(
            ContactIdFactory.Create("student-1", new ContactKey(ContactKeyKind.Email, "ada@example.org")),
            ContactIdFactory.Create("student-2", new ContactKey(ContactKeyKind.Email, "ada@example.org")));
        Assert.NotEqual(
            ContactIdFactory.Create("student-1", new ContactKey(ContactKeyKind.Email, "x")),
            ContactIdFactory.Create("student-1", new ContactKey(ContactKeyKind.LinkedIn, "x")));
    }
}
