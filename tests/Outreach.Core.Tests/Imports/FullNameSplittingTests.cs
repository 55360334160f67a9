using Outreach.Core.Imports;

namespace Outreach.Core.Tests.Imports;

/// <summary>
/// What a sheet or an export with one Name column (a simple sheet, a Meetup or event list, Google's Name when its
/// Given/Family columns are empty) gives a note to greet the person by: the first name they go by, and the rest.
/// </summary>
public sealed class FullNameSplittingTests
{
    [Theory]
    [InlineData("Dr. Jane van der Berg PhD", "Jane", "van der Berg")]
    [InlineData("Prof. Ludwig van Beethoven", "Ludwig", "van Beethoven")]
    [InlineData("Juan de la Cruz", "Juan", "de la Cruz")]
    [InlineData("Maria da Silva", "Maria", "da Silva")]
    [InlineData("Jane Van Der Berg", "Jane", "Van Der Berg")]
    [InlineData("Mary Ann Van Nguyen", "Mary Ann Van", "Nguyen")]
    [InlineData("John Smith Jr.", "John", "Smith")]
    [InlineData("Jane Doe PhD", "Jane", "Doe")]
    [InlineData("Jane Doe M.A.", "Jane", "Doe")]
    [InlineData("Ms. Jane Doe", "Jane", "Doe")]
    [InlineData("Dr Okafor", null, "Okafor")]
    [InlineData("Jane Q. Public", "Jane", "Public")]
    [InlineData("J. Robert Oppenheimer", "J. Robert", "Oppenheimer")]
    [InlineData("Lee, Kim", "Kim", "Lee")]
    [InlineData("van der Berg, Dr. Jane", "Jane", "van der Berg")]
    [InlineData("Wang, Meng", "Meng", "Wang")]
    [InlineData("Jack Ma", "Jack", "Ma")]
    [InlineData("Tan Chee Beng", "Tan Chee", "Beng")]
    [InlineData("Cher", "Cher", null)]
    [InlineData("Cher,", "Cher", null)]
    [InlineData("JANE DOE", "Jane", "Doe")]
    [InlineData("MARY-JANE O'BRIEN", "Mary-Jane", "O'Brien")]
    [InlineData("JJ ABRAMS", "JJ", "Abrams")]
    [InlineData("WANG, MA", "Ma", "Wang")]
    [InlineData("Jean DUPONT", "Jean", "DUPONT")]
    [InlineData("Jane Doe 🚀", "Jane", "Doe")]
    [InlineData("Jane 🌸 Doe ✨", "Jane", "Doe")]
    [InlineData("👩🏽‍💻 Jane Doe", "Jane", "Doe")]
    [InlineData("Jane Doe (she/her)", "Jane", "Doe")]
    [InlineData("Jane Doe | Hiring engineers", "Jane", "Doe")]
    [InlineData("Robert \"Bob\" Smith", "Robert", "Smith")]
    [InlineData("Robert 'Bob' Smith", "Robert", "Smith")]
    [InlineData("Robert “Bob” Smith", "Robert", "Smith")]
    [InlineData("\"Jane Doe\"", "Jane", "Doe")]
    [InlineData("D'Angelo O'Brien", "D'Angelo", "O'Brien")]
    [InlineData("Jane Doe 🚀, MBA", "Jane", "Doe")]
    [InlineData("王伟", "王伟", null)]
    [InlineData("🚀", "🚀", null)]
    public async Task A_name_in_one_column_is_split_into_the_name_a_note_greets_and_the_family_name(string written, string? first, string? last)
    {
        var run = await ImportRun.TextAsync("Name,Email\n" + $"\"{written.Replace("\"", "\"\"", StringComparison.Ordinal)}\",jane@example.org\n");

        Assert.Equal(ImportRowOutcome.New, run.Row(2).Outcome);
        Assert.Equal((first, last), (run.ContactOn(2).FirstName, run.ContactOn(2).LastName));
    }

    [Theory]
    [InlineData("Dr. Jane", "Doe", "Jane", "Doe")]
    [InlineData("Jane 🚀", "Doe", "Jane", "Doe")]
    [InlineData("Jane", "Doe, MBA", "Jane", "Doe")]
    [InlineData("Jane", "Doe PhD, PMP", "Jane", "Doe")]
    [InlineData("Jane", "Doe (she/her)", "Jane", "Doe")]
    [InlineData("Jane", "Doe 🌍 | Talent partner", "Jane", "Doe")]
    [InlineData("Robert \"Bob\"", "Smith", "Robert", "Smith")]
    [InlineData("Mary Ann", "van der Berg", "Mary Ann", "van der Berg")]
    [InlineData("Jack", "Ma", "Jack", "Ma")]
    [InlineData("Dr.", "Okafor", "Dr.", "Okafor")]
    public async Task A_LinkedIn_export_gives_the_first_and_last_name_without_what_members_write_around_them(string first, string last, string greeted, string family)
    {
        var run = await ImportRun.TextAsync(
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n" +
            $"\"{first.Replace("\"", "\"\"", StringComparison.Ordinal)}\",\"{last}\",https://www.linkedin.com/in/jane,,Acme,Engineer,15 Mar 2024\n");

        Assert.Equal(ImportFormat.LinkedInConnections, run.Report.Format);
        Assert.Equal((greeted, family), (run.ContactOn(2).FirstName, run.ContactOn(2).LastName));
    }

    [Fact]
    public async Task First_and_last_names_typed_in_capitals_are_written_as_names_but_a_family_name_in_capitals_is_kept()
    {
        var run = await ImportRun.TextAsync(
            "First name,Last name,Email\n" +
            "JANE,DOE,jane@example.org\n" +
            "Jean,DUPONT,jean@example.org\n" +
            "AMARA,,amara@example.org\n");

        Assert.Equal(("Jane", "Doe"), (run.ContactOn(2).FirstName, run.ContactOn(2).LastName));
        Assert.Equal(("Jean", "DUPONT"), (run.ContactOn(3).FirstName, run.ContactOn(3).LastName));
        Assert.Equal("Amara", run.ContactOn(4).FirstName);
    }
}
