using System.Text;
using Outreach.Core.Contacts;
using Outreach.Core.Imports;
using Outreach.Testing.LocalServices;

namespace Outreach.Core.Tests.Imports;

/// <summary>A vCard file (.vcf) turned into the import's CSV (<see cref="VCardConverter"/>) and imported like any other file.</summary>
public sealed class VCardImportTests
{
    [Fact]
    public async Task The_sample_vcard_file_imports_each_card_on_the_line_it_starts_on_with_exact_counts()
    {
        var run = await ImportRun.BytesAsync(await ConvertAsync(File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, "samples", "contacts.vcf"))));

        // Six cards (iPhone 3.0, Android 2.1 quoted-printable, 4.0): three people, one of them twice, and two refused.
        Assert.Equal((6L, 3L, 1L, 2L), (run.Report.RowsRead, run.Report.Accepted, run.Report.Merged, run.Report.Rejected));
        Assert.Equal([38, 45], run.RejectedLines);
        Assert.Equal(run.Row(2).ContactId, run.Row(50).ContactId); // the same email in other case

        var amara = run.ContactOn(2);
        Assert.Equal(
            ("Amara", "Okafor", "amara.okafor@northwind.example", "https://www.linkedin.com/in/amara-okafor-4b21a7", "Northwind Traders", "Talent Acquisition Partner"),
            (amara.FirstName, amara.LastName, amara.Email, amara.LinkedInUrl, amara.Company, amara.Position));
        Assert.Equal(
            "Met at the Northwind class visit.\nGraduate scheme opens in January; she liked our capstone on supply-chain forecasting."
            + ContactMerger.NoteSeparator + "Follow up about the January intake.",
            amara.Notes);
        Assert.Equal(["recruiter", "graduate-scheme"], amara.Tags);

        var sofia = run.ContactOn(19);
        Assert.Equal(("Sofía", "Hernández", "sofia.hernandez@fabrikam.example"), (sofia.FirstName, sofia.LastName, sofia.Email));
        Assert.Equal("Hablámos de la feria de empleo; quiere ver mi portfolio de análisis de datos.", sofia.Notes);

        var kwame = run.ContactOn(29);
        Assert.Equal(("https://www.linkedin.com/in/kwame-asante", "analytics"), (kwame.LinkedInUrl, Assert.Single(kwame.Tags)));
        Assert.Null(kwame.Email);

        Assert.Equal("Email / LinkedIn URL", Assert.Single(run.Row(38).Errors).Field);
        Assert.Equal("First name / Last name / Full name", Assert.Single(run.Row(45).Errors).Field);
        Assert.Contains("\"Contoso, Ltd.\"", run.Row(45).RawText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_structured_name_gives_the_given_names_as_the_first_name_and_leaves_out_the_middle_names()
    {
        var vcf = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Brunel;Isambard;Kingdom;;\r\nEMAIL:ikb@example.org\r\nEND:VCARD\r\n" +
                  "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lovelace\r\nEMAIL:ada@example.org\r\nEND:VCARD\r\n" +
                  "BEGIN:VCARD\r\nVERSION:4.0\r\nN:Stevenson;John;Philip,Paul;Dr.;Jr.,M.D.,A.C.P.\r\nEMAIL:john@example.org\r\nEND:VCARD\r\n" +
                  "BEGIN:VCARD\r\nVERSION:4.0\r\nN:Garc\u00eda,L\u00f3pez;Mar\u00eda,Jos\u00e9;;;\r\nEMAIL:maria@example.org\r\nEND:VCARD\r\n" +
                  "BEGIN:VCARD\r\nVERSION:3.0\r\nN:O\\,Neil;Ann\\, Jr;;;\r\nEMAIL:ann@example.org\r\nEND:VCARD\r\n";

        var run = await ImportRun.BytesAsync(await ConvertAsync(Encoding.UTF8.GetBytes(vcf)));

        Assert.Equal(("Isambard", "Brunel"), (run.ContactOn(2).FirstName, run.ContactOn(2).LastName));
        Assert.Equal(((string?)null, "Lovelace"), (run.ContactOn(7).FirstName, run.ContactOn(7).LastName));
        Assert.Equal(("John", "Stevenson"), (run.ContactOn(12).FirstName, run.ContactOn(12).LastName)); // RFC 6350's example
        Assert.Equal(("Mar\u00eda Jos\u00e9", "Garc\u00eda L\u00f3pez"), (run.ContactOn(17).FirstName, run.ContactOn(17).LastName)); // several values, comma-separated
        Assert.Equal("O,Neil", run.ContactOn(22).LastName); // an escaped comma is no separator
    }

    [Fact]
    public async Task Cards_as_google_apple_and_outlook_export_them_import_with_exact_counts_and_keep_every_address()
    {
        var run = await ImportRun.BytesAsync(await ConvertAsync(File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, "tests", "Outreach.Core.Tests", "Imports", "Fixtures", "phone-exports.vcf"))));

        // Google 3.0, Apple 3.0 (a photo), Outlook 2.1 (quoted-printable Windows-1252, a photo), 4.0 with PREF, a broken second
        // address, a card with no name, and Ada again by her home address.
        Assert.Equal((7L, 5L, 1L, 1L), (run.Report.RowsRead, run.Report.Accepted, run.Report.Merged, run.Report.Rejected));
        Assert.Equal([59], run.RejectedLines);
        Assert.Equal(run.Row(2).ContactId, run.Row(64).ContactId); // found by the second EMAIL of her first card
        var ada = run.ContactOn(2);
        Assert.Equal(("Ada", "Lovelace", "ada@analytical.example", "https://www.linkedin.com/in/ada-lovelace"), (ada.FirstName, ada.LastName, ada.Email, ada.LinkedInUrl));
        Assert.Equal("Met again at the analytics meetup.", ada.Notes);
        Assert.Equal(["Analytics meetup"], ada.Tags); // Google's own myContacts and starred are no labels of hers
        var isambard = run.ContactOn(15);
        Assert.Equal(("Isambard", "Brunel", "ikb@gwr.example", "Great Western Railway"), (isambard.FirstName, isambard.LastName, isambard.Email, isambard.Company));
        var juergen = run.ContactOn(29);
        Assert.Equal(("J\u00fcrgen", "M\u00fcller", "juergen.mueller@fabrikam.example", "Leiter Vertrieb"), (juergen.FirstName, juergen.LastName, juergen.Email, juergen.Position));
        var grace = run.ContactOn(44);
        Assert.Equal(("Grace", "Hopper", "grace.hopper@home.example"), (grace.FirstName, grace.LastName, grace.Email)); // PREF=1 before PREF=2
        Assert.Equal(
            new RowError("Other email", "was left out of the contact: it is not a valid email address (it has no @)"),
            Assert.Single(run.Row(52).Errors));
        Assert.Equal(1, run.Report.RowsWithAddressesLeftOut);

        // Every other address of a card finds its contact later (a reply from it, or another file).
        var again = await ImportRun.TextAsync(
            "Name,Email\nIKB,ikb@home.example\nJ\u00fcrgen M\u00fcller,JM@privat.example\nGrace Hopper,grace@navy.example\n", directory: run.Directory);
        Assert.Equal([run.Row(15).ContactId, run.Row(29).ContactId, run.Row(44).ContactId], again.Rows.Select(r => r.ContactId));
    }

    [Fact]
    public async Task Folded_lines_soft_line_breaks_escapes_a_linkedin_handle_and_a_card_cut_off_at_the_end_are_read()
    {
        var vcf = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\n  Lovelace\r\nEMAIL;TYPE=work:ada@example.org\r\nEMAIL;PREF=1:ada.pref@example.org\r\n" +
                  "NOTE:Engines\\, looms\\nand \\\\poetry\r\nEND:VCARD\r\n" +
                  "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nX-SOCIALPROFILE;type=linkedin;x-user=grace-hopper:x-apple:grace-hopper\r\nEND:VCARD\r\n" +
                  "BEGIN:VCARD\r\nVERSION:2.1\r\nN;ENCODING=QUOTED-PRINTABLE;CHARSET=windows-1252:Br=FC=\r\nnel;Isambard\r\nEMAIL;INTERNET:ikb@example.org\r\nROLE:Engineer\r\nTITLE:Chief engineer\r\n";

        var run = await ImportRun.BytesAsync(await ConvertAsync(Encoding.UTF8.GetBytes(vcf)));

        Assert.Equal((3L, 0L), (run.Report.Accepted, run.Report.Rejected));
        var ada = run.ContactOn(2);
        Assert.Equal(("Ada", "Lovelace", "ada.pref@example.org", "Engines, looms\nand \\poetry"), (ada.FirstName, ada.LastName, ada.Email, ada.Notes));
        Assert.Equal("https://www.linkedin.com/in/grace-hopper", run.ContactOn(10).LinkedInUrl); // a profile given as a handle
        var isambard = run.ContactOn(15);
        Assert.Equal(("Isambard", "Brünel"), (isambard.FirstName, isambard.LastName));
        Assert.Equal("Chief engineer", isambard.Position); // TITLE, though ROLE came first
    }

    [Fact]
    public async Task A_quoted_printable_soft_line_break_that_is_also_folded_is_read_without_its_equals_sign()
    {
        // As ez-vcard (many Android contact apps) and Samsung phones write 2.1: "=" ends the line and the next starts with a space.
        var vcf = "BEGIN:VCARD\r\nVERSION:2.1\r\n" +
                  "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D0=98=D0=B2=D0=B0=D0=BD=D0=BE=D0=B2=\r\n =D0=B0;=D0=90=D0=BD=D0=BD=D0=B0;;;\r\n" +
                  "EMAIL;INTERNET:anna@example.org\r\nEND:VCARD\r\n" +
                  "BEGIN:VCARD\r\nVERSION:2.1\r\n" +
                  "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=\r\n BCrgen\r\n" + // a fold that cut an escape
                  "EMAIL;INTERNET:juergen@example.org\r\nEND:VCARD\r\n";

        var run = await ImportRun.BytesAsync(await ConvertAsync(Encoding.UTF8.GetBytes(vcf)));

        Assert.Equal(("\u0410\u043d\u043d\u0430", "\u0418\u0432\u0430\u043d\u043e\u0432\u0430"), (run.ContactOn(2).FirstName, run.ContactOn(2).LastName));
        Assert.Equal(("J\u00fcrgen", "M\u00fcller"), (run.ContactOn(8).FirstName, run.ContactOn(8).LastName));
    }

    [Fact]
    public async Task A_business_card_of_a_company_is_no_person_and_is_refused_for_having_no_name()
    {
        var vcf = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nFN:Contoso Ltd.\r\nORG:Contoso Ltd.;\r\nEMAIL:info@contoso.example\r\nX-ABShowAs:COMPANY\r\nEND:VCARD\r\n" +
                  "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Fabrikam\r\nORG:Fabrikam\r\nEMAIL;INTERNET:hello@fabrikam.example\r\nEND:VCARD\r\n" +
                  "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lovelace;Ada;;;\r\nFN:Ada Lovelace\r\nORG:Ada Lovelace\r\nEMAIL:ada@example.org\r\nEND:VCARD\r\n" +
                  "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\nFN:Northwind Traders\r\nEMAIL:careers@northwind.example\r\nEND:VCARD\r\n";

        var run = await ImportRun.BytesAsync(await ConvertAsync(Encoding.UTF8.GetBytes(vcf)));

        Assert.Equal((1L, 3L), (run.Report.Accepted, run.Report.Rejected));
        Assert.Equal([2, 10, 23], run.RejectedLines);
        Assert.All(run.Report.RejectedRows, r => Assert.Equal("First name / Last name / Full name", Assert.Single(r.Errors).Field));
        Assert.Equal(("Ada", "Lovelace"), (run.ContactOn(16).FirstName, run.ContactOn(16).LastName)); // a person named like their firm
    }

    [Fact]
    public async Task A_company_page_listed_before_the_profile_is_passed_over_and_never_costs_the_card()
    {
        var vcf = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEMAIL:ada@example.org\r\n" +
                  "item1.URL:https\\://www.linkedin.com/company/analytical-engines\r\nitem2.URL:https\\://www.linkedin.com/in/ada-lovelace\r\nEND:VCARD\r\n" +
                  "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Charles Babbage\r\nEMAIL:charles@example.org\r\nURL:https://www.linkedin.com/company/difference-engines\r\nEND:VCARD\r\n";

        var run = await ImportRun.BytesAsync(await ConvertAsync(Encoding.UTF8.GetBytes(vcf)));

        Assert.Equal((2L, 0L), (run.Report.Accepted, run.Report.Rejected));
        Assert.Equal("https://www.linkedin.com/in/ada-lovelace", run.ContactOn(2).LinkedInUrl);
        Assert.Equal(("charles@example.org", (string?)null), (run.ContactOn(9).Email, run.ContactOn(9).LinkedInUrl));
    }

    [Theory]
    [InlineData("BEGIN:VCARD\r\nVERSION:3.0", true)]
    [InlineData("\uFEFF\r\n\r\nbegin:vcard\r\n", true)]
    [InlineData("Name,BEGIN:VCARD", false)]
    [InlineData("BEGIN:VCALENDAR", false)]
    public void A_vcard_file_is_recognised_after_a_byte_order_mark_and_blank_lines_whatever_the_case(string start, bool isVCard)
    {
        Assert.Equal(isVCard, UploadConverter.NeedsConversion(Encoding.UTF8.GetBytes(start)));
        Assert.Equal(isVCard, UploadConverter.NeedsConversion([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(start.TrimStart('\uFEFF'))]));
    }

    [Fact]
    public async Task A_vcard_file_larger_than_the_limit_as_csv_is_refused()
    {
        var card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEMAIL:ada@example.org\r\nEND:VCARD\r\n";

        var error = await Assert.ThrowsAsync<DomainException>(() => ConvertAsync(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(card, 1000))), maxBytes: 4096));

        Assert.Equal(("import.archive-too-large", "file"), (error.Code, error.Target));
    }

    private static async Task<byte[]> ConvertAsync(byte[] vcf, long maxBytes = 1 << 20)
    {
        using var input = new MemoryStream(vcf);
        using var output = new MemoryStream();
        Assert.Null(await UploadConverter.ToCsvAsync(input, output, maxBytes, CancellationToken.None));
        return output.ToArray();
    }
}
