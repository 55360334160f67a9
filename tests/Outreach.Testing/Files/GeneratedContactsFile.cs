using System.Globalization;
using System.Text;

namespace Outreach.Testing.Files;

/// <summary>
/// A seeded class-visit sheet in which a small crowd of people turn up again and again, spelled differently each time
/// (email case, LinkedIn URL forms, name and company case), with some of their details left out, now and then with
/// another person's LinkedIn URL or a second address of their own, and a few rows that must be refused (no name,
/// broken email, nothing to identify the person by). Quoted notes span lines, so rows and lines differ.
/// </summary>
public static class GeneratedContactsFile
{
    public const string Header = "First name,Last name,Email,LinkedIn URL,Company,Event,Met on,What we talked about,Tags";

    private static readonly string[] FirstNames = ["Ada", "Grace", "Alan", "Katherine", "Linus", "Margaret", "José", "Zoë"];

    private static readonly string[] LastNames = ["Lovelace", "Hopper", "Turing", "Johnson", "Torvalds", "Hamilton", "García"];

    private static readonly string[] Companies = ["Acme", "Globex", "\"Initech, Inc.\"", "Umbrella", "Hooli"];

    private static readonly string[] Meetings = ["Class visit,2024-11-14", "Career fair,2025-02-03", ",", "Alumni night,", ",2025-03-01"];

    private static readonly string[] Notes = ["", "", "Talked about internships", "\"Asked about \"\"remote\"\" work,\nand visas\"", "Wants the slides"];

    private static readonly string[] Tags = ["", "", "alumni", "\"mentor, alumni\"", "recruiter"];

    /// <summary>The sheet's text: <paramref name="rows"/> data rows about <paramref name="people"/> people.</summary>
    public static string Generate(int seed, int rows, int people)
    {
        var random = new Random(seed);
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < rows; i++)
        {
            var person = random.Next(people);
            var roll = random.Next(100);
            var first = roll < 2 ? string.Empty : Spelled(FirstNames[person % FirstNames.Length], random);
            var last = roll < 2 ? string.Empty : Spelled(LastNames[person * 3 % LastNames.Length], random);
            var email = HasEmail(person) && random.Next(10) < 6 ? EmailOf(person, random) : string.Empty;
            var linkedIn = HasLinkedIn(person) && random.Next(10) < 6 ? LinkedInOf(roll is >= 2 and < 7 ? random.Next(people) : person, random) : string.Empty;
            if (roll is >= 7 and < 10)
            {
                email = $"p{person}.second@example.net"; // a second address, which the contact cannot also hold
            }
            else if (roll is >= 10 and < 12)
            {
                email = $"p{person}@"; // broken
            }

            var company = random.Next(10) < 8 ? Spelled(Companies[person % Companies.Length], random) : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"{first},{last},{email},{linkedIn},{company},")
                .Append(Meetings[random.Next(Meetings.Length)]).Append(',')
                .Append(Notes[random.Next(Notes.Length)]).Append(',')
                .Append(Tags[random.Next(Tags.Length)]).Append('\n');
        }

        return text.ToString();
    }

    private static bool HasEmail(int person) => person % 4 != 0;

    private static bool HasLinkedIn(int person) => person % 3 != 0;

    private static string EmailOf(int person, Random random) => random.Next(3) switch
    {
        0 => $"p{person}@example.org",
        1 => $"P{person}@Example.org",
        _ => $" p{person}@EXAMPLE.ORG ",
    };

    private static string LinkedInOf(int person, Random random) => random.Next(4) switch
    {
        0 => $"https://www.linkedin.com/in/person-{person}",
        1 => $"linkedin.com/in/person-{person}/",
        2 => $"https://www.linkedin.com/in/Person-{person}?trk=people-search",
        _ => $"http://linkedin.com/in/person-{person}",
    };

    /// <summary>The value as written, upper-cased or padded with spaces now and then (a quoted value keeps its quotes outside).</summary>
    private static string Spelled(string value, Random random)
    {
        var quoted = value.StartsWith('"');
        var inner = quoted ? value[1..^1] : value;
        inner = random.Next(4) switch
        {
            0 => inner.ToUpperInvariant(),
            1 => " " + inner.Replace(" ", "  ", StringComparison.Ordinal),
            _ => inner,
        };
        return quoted ? $"\"{inner}\"" : inner;
    }
}
