using System.Text;
using Outreach.Core.Contacts;
using Outreach.Core.Imports;

namespace Outreach.Core.Tests.Imports;

public sealed class ImportFileRedactorTests
{
    private const string Header = "First Name,Last Name,Email Address,Company,Notes\r\n";
    private const string Grace = "Grace,Hopper,grace@navy.mil,Navy,\"Compilers,\r\nand COBOL\"\r\n";
    private const string AdaByEmail = "Ada,Lovelace,ADA@Example.org,Analytical,\"Met at the\r\nclass visit\"\r\n";
    private const string AdaByName = "  ada , LOVELACE,ada.l@home.example,Analytical!,second row\r\n";
    private const string AdaRejected = ",,ada@example.org,Analytical,no name\r\n";
    private const string Alan = "Alan,Turing,alan@bletchley.uk,Bletchley,";

    [Fact]
    public async Task Empties_every_record_that_dedupes_onto_the_contact_and_keeps_the_rest_byte_for_byte_on_its_lines()
    {
        var file = Bytes(Header + Grace + AdaByEmail + AdaByName + AdaRejected + Alan);
        var ada = await AdaAsync(file);

        var redaction = await RedactAsync(file, ada, [], ["ada@example.org", "Ada Lovelace"]);
        var again = await ImportRun.BytesAsync(redaction.Written);

        Assert.Equal([4, 6, 7], redaction.ErasedLines);
        Assert.Equal(Bytes(Header + Grace + Emptied(AdaByEmail + AdaByName + AdaRejected) + Alan), redaction.Written);
        Assert.Equal([2, 8], again.Rows.Select(r => r.Line)); // an empty line is no row, and Alan is still on line 8
    }

    [Fact]
    public async Task Removes_a_record_found_by_a_key_an_earlier_import_claimed_for_the_contact()
    {
        // Another file told us Ada also writes from ada.home@example.net (found by her LinkedIn profile, with that address).
        var ada = await AdaAsync(Bytes(Header + AdaByEmail));
        var file = Bytes(Header + Grace + ",Lovelace,ada.home@example.net,,a row with her second address only\r\n" + Alan);

        var redaction = await RedactAsync(file, ada, [new ContactKey(ContactKeyKind.Email, "ada.home@example.net")], ["ada@example.org"]);

        Assert.Equal([4], redaction.ErasedLines);
        Assert.Equal(Bytes(Header + Grace + "\r\n" + Alan), redaction.Written);
    }

    [Fact]
    public async Task Keeps_the_byte_order_mark_and_a_utf16_encoding()
    {
        var encoding = new UnicodeEncoding(bigEndian: false, byteOrderMark: true);
        var file = encoding.GetPreamble().Concat(encoding.GetBytes(Header + AdaByEmail + "Zoë,Ångström,zoe@example.org,Uppsala,")).ToArray();
        var ada = await AdaAsync(file);

        var redaction = await RedactAsync(file, ada, [], ["ada@example.org"]);

        Assert.Equal(encoding.GetPreamble().Concat(encoding.GetBytes(Header + Emptied(AdaByEmail) + "Zoë,Ångström,zoe@example.org,Uppsala,")).ToArray(), redaction.Written);
    }

    [Fact]
    public async Task Leaves_a_file_without_the_contact_as_it_is()
    {
        var file = Bytes(Header + Grace + Alan);
        var ada = await AdaAsync(Bytes(Header + AdaByEmail));

        var redaction = await RedactAsync(file, ada, [], ["ada@example.org"]);

        Assert.Empty(redaction.Written); // nothing written: erasure leaves the stored file as it is
        Assert.Empty(redaction.ErasedLines);
    }

    [Fact]
    public async Task A_file_of_many_chunks_loses_exactly_the_contacts_records_whatever_its_line_breaks()
    {
        // Thousands of rows (far more than one chunk read), every kind of line break, letters of two and three UTF-8
        // bytes: chunk edges fall inside characters and between a CR and its LF somewhere.
        string[] breaks = ["\r\n", "\n", "\r"];
        var kept = new StringBuilder(Header);
        var whole = new StringBuilder(Header);
        var adaLines = new List<int>();
        for (var i = 0; i < 6000; i++)
        {
            var line = i % 613 == 5
                ? $"Ada,Lovelace,ada@example.org,Analytical,row {i}{breaks[i % 3]}"
                : $"Zoë{i},Ångström€,zoe{i}@example.org,Uppsala,row {i}{breaks[i % 3]}";
            whole.Append(line);
            if (line.StartsWith("Ada,", StringComparison.Ordinal))
            {
                adaLines.Add(i + 2);
                kept.Append(breaks[i % 3]);
            }
            else
            {
                kept.Append(line);
            }
        }

        var file = Bytes(whole.ToString());
        var ada = await AdaAsync(Bytes(Header + AdaByEmail));

        var redaction = await RedactAsync(file, ada, [], ["ada@example.org"]);

        Assert.Equal(adaLines, redaction.ErasedLines);
        Assert.Equal(Bytes(kept.ToString()), redaction.Written);
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>What an erased record leaves: its line breaks, so every line after it keeps its number.</summary>
    private static string Emptied(string records) => string.Concat(records.Where(c => c is '\r' or '\n'));

    /// <summary>The redactor over a file in memory: the lines it erased, and what it wrote (nothing when none was the contact's).</summary>
    private static async Task<(IReadOnlyList<int> ErasedLines, byte[] Written)> RedactAsync(
        byte[] file, Contact contact, IReadOnlyCollection<ContactKey> keys, IReadOnlyCollection<string> identifyingValues)
    {
        using var output = new MemoryStream();
        var erased = await ImportFileRedactor.RedactAsync(new MemoryStream(file, writable: false), output, contact, keys, identifyingValues, readAs: null, CancellationToken.None);
        return (erased, output.ToArray());
    }

    /// <summary>Ada as the import stored her (merged from her rows), which is what erasure is given.</summary>
    private static async Task<Contact> AdaAsync(byte[] file)
    {
        var run = await ImportRun.BytesAsync(file);
        return run.Contacts.Single(c => c.LastName == "Lovelace");
    }
}
