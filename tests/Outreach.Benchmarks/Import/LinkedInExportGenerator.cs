using System.Globalization;
using System.Text;

namespace Outreach.Benchmarks.Import;

/// <summary>
/// Writes a realistic LinkedIn Connections.csv (preamble, quoted commas in companies, mostly empty emails,
/// <c>dd Mon yyyy</c> dates), seeded, with about 2% duplicates of earlier rows (email case changed, or the same
/// profile with a tracking query) and about 1% bad rows (broken email, company page URL, no name).
/// </summary>
internal static class LinkedInExportGenerator
{
    private static readonly string[] FirstNames =
        ["Amara", "Lukas", "Priya", "Sofía", "Tom", "Mei", "Jonas", "Fatima", "Daniel", "Aiko", "Olusegun", "Chloé", "Rahul",
         "Hannah", "Samuel", "Isabella", "Ethan", "Nadia", "Kwame", "Grace", "Diego", "Ben", "Yusuf", "Charlotte", "Noah", "Lea"];

    private static readonly string[] LastNames =
        ["Okafor", "Schäfer", "Raghunathan", "Hernández", "Whitfield", "Lin", "Berg", "Zahra", "O'Brien", "Tanaka", "Adeyemi",
         "Dubois", "Mehta", "Kowalski", "Mensah", "Rossi", "Clarke", "Petrova", "Asante", "Liu", "Fernández", "Carter", "Demir"];

    private static readonly string[] Companies =
        ["Northwind Traders", "\"Contoso, Ltd.\"", "Fabrikam", "Adventure Works", "Tailspin Toys", "Woodgrove Bank", "Litware",
         "Proseware", "Wide World Importers", "Coho Winery", "Fourth Coffee", "Blue Yonder Airlines", "\"Margie's Travel, Inc.\""];

    private static readonly string[] Positions =
        ["Software Engineer", "Talent Acquisition Partner", "Engineering Manager", "UX Researcher", "\"Head of Product, Games\"",
         "Data Analyst", "Cloud Architect", "Product Manager", "Recruiter", "Marketing Lead", "Operations Director"];

    private static readonly string[] Syllables =
        ["ka", "lo", "mi", "sen", "dra", "vo", "tan", "ber", "gu", "no", "ri", "sha", "el", "mon", "ti", "za", "ro", "fel", "an", "ko",
         "lin", "mar", "os", "ve", "qui", "ham", "du", "pe", "sto", "wen", "ya", "bor", "ci", "lev", "na", "gard", "ul", "tes", "mé", "ß"];

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static async Task WriteAsync(string path, int rows, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16);
        writer.NewLine = "\n";
        await writer.WriteLineAsync("Notes:");
        await writer.WriteLineAsync("\"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261\"");
        await writer.WriteLineAsync();
        await writer.WriteLineAsync("First Name,Last Name,URL,Email Address,Company,Position,Connected On");

        var line = new StringBuilder(256);
        for (var i = 0; i < rows; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var roll = random.Next(1000);
            var person = roll < 20 && i > 0 ? random.Next(i) : i; // ~2% repeat an earlier person
            // Everything about a person follows from a hash of their number, so a repeated person repeats exactly.
            var h = Mix((ulong)person ^ ((ulong)seed << 32));
            var first = FirstNames[(int)(h % (ulong)FirstNames.Length)];
            var last = LastName(h >> 8);
            var company = Companies[(int)((h >> 40) % (ulong)Companies.Length)];
            var position = Positions[(int)((h >> 48) % (ulong)Positions.Length)];
            var handle = string.Create(CultureInfo.InvariantCulture, $"{Ascii(first)}-{Ascii(last)}-{person:x}").ToLowerInvariant();
            var hasEmail = h % 7 == 0;
            var email = hasEmail ? handle + "@example.org" : string.Empty;
            var url = "https://www.linkedin.com/in/" + handle;
            if (person != i)
            {
                email = email.ToUpperInvariant();
                url += "?trk=people-search";
            }

            if (roll is >= 990 and < 994)
            {
                email = handle + "@"; // broken email
            }
            else if (roll is >= 994 and < 997)
            {
                url = "https://www.linkedin.com/company/" + handle; // not a profile
            }
            else if (roll >= 997)
            {
                first = string.Empty; // no name
                last = string.Empty;
            }

            line.Clear()
                .Append(first).Append(',').Append(last).Append(',').Append(url).Append(',').Append(email).Append(',')
                .Append(company).Append(',').Append(position).Append(',')
                .Append(1 + (int)((h >> 20) % 28)).Append(' ').Append(Months[(int)((h >> 28) % 12)]).Append(' ').Append(2015 + (int)((h >> 36) % 10));
            await writer.WriteLineAsync(line, cancellationToken);
        }
    }

    /// <summary>A surname from the list, or (most of the time) a made-up one of three syllables, so names rarely collide.</summary>
    private static string LastName(ulong bits)
    {
        if (bits % 16 == 0)
        {
            return LastNames[(int)((bits >> 2) % (ulong)LastNames.Length)];
        }

        var a = Syllables[(int)((bits >> 2) % (ulong)Syllables.Length)];
        var b = Syllables[(int)((bits >> 10) % (ulong)Syllables.Length)];
        var c = Syllables[(int)((bits >> 18) % (ulong)Syllables.Length)];
        return string.Concat(char.ToUpperInvariant(a[0]).ToString(), a[1..], b, c);
    }

    private static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53UL;
        return x ^ (x >> 33);
    }

    private static string Ascii(string name) => name
        .Replace("í", "i", StringComparison.Ordinal).Replace("é", "e", StringComparison.Ordinal)
        .Replace("ä", "a", StringComparison.Ordinal).Replace("á", "a", StringComparison.Ordinal)
        .Replace("'", string.Empty, StringComparison.Ordinal).Replace("ß", "ss", StringComparison.Ordinal);
}
