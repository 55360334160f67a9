using Outreach.Core.Imports;

namespace Outreach.Core.Tests.Imports;

public sealed class FormatDetectionTests
{
    private const string LinkedInHeader = "First Name,Last Name,URL,Email Address,Company,Position,Connected On";

    [Fact]
    public async Task LinkedIn_export_header_is_found_after_the_notes_preamble_and_lines_count_from_the_top()
    {
        var run = await ImportRun.TextAsync(
            "Notes:\n" +
            "\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n" +
            "\n" +
            LinkedInHeader + "\n" +
            "Ada,Lovelace,https://www.linkedin.com/in/ada,,\"Acme, Inc.\",Engineer,15 Mar 2024\n" +
            "Alan,Turing,https://www.linkedin.com/in/alan-turing,,Bletchley Park,Cryptanalyst,3 Jan 2019\n");

        Assert.Equal(ImportFormat.LinkedInConnections, run.Report.Format);
        Assert.Equal(4, run.Report.HeaderLine);
        Assert.Equal(',', run.Report.Delimiter);
        Assert.Equal([5, 6], run.Rows.Select(r => r.Line));
        Assert.Equal(2, run.Report.Accepted);
        var ada = run.ContactOn(5);
        Assert.Equal("Acme, Inc.", ada.Company);
        Assert.Equal(new DateOnly(2024, 3, 15), ada.ConnectedOn);
        Assert.Equal(new DateOnly(2019, 1, 3), run.ContactOn(6).ConnectedOn);
        Assert.Equal("https://www.linkedin.com/in/ada", ada.LinkedInUrl);
        Assert.Null(ada.Email);
    }

    [Fact]
    public async Task Quoted_notes_marker_with_a_multi_line_note_and_a_longer_preamble_is_skipped()
    {
        var run = await ImportRun.TextAsync(
            "\"Notes:\"\n" +
            "\"When exporting your connection data,\nsome email addresses are missing.\"\n" +
            "Exported 2024-11-20\n" +
            "\n\n" +
            LinkedInHeader + "\n" +
            "Ada,Lovelace,https://www.linkedin.com/in/ada,,Acme,Engineer,15 Mar 2024\n");

        Assert.Equal(7, run.Report.HeaderLine);
        Assert.Equal(8, Assert.Single(run.Rows).Line);
        Assert.Equal(ImportRowOutcome.New, run.Rows[0].Outcome);
    }

    [Fact]
    public async Task Older_LinkedIn_layout_without_URL_is_read_and_rows_without_email_are_rejected()
    {
        var run = await ImportRun.FixtureAsync("linkedin-old-layout.csv");

        Assert.Equal(ImportFormat.LinkedInConnections, run.Report.Format);
        Assert.Equal(2, run.Report.Accepted);
        Assert.Equal(1, run.Report.Rejected);
        var rejected = Assert.Single(run.Report.RejectedRows);
        Assert.Equal(3, rejected.Line);
        Assert.Equal("Email Address", Assert.Single(rejected.Errors).Field);
        Assert.Equal("Vint,Cerf,,Google,Chief Internet Evangelist,15 Mar 2024", rejected.RawText);
        Assert.Equal(new DateOnly(2015, 9, 7), run.ContactOn(4).ConnectedOn);
    }

    [Fact]
    public async Task Google_contacts_old_layout_maps_name_email_and_organization_columns()
    {
        var run = await ImportRun.FixtureAsync("google-contacts-old.csv");

        Assert.Equal(ImportFormat.GoogleContacts, run.Report.Format);
        Assert.Equal((3, 0, 1), (run.Report.Accepted, run.Report.Merged, run.Report.Rejected));
        Assert.Equal([5], run.RejectedLines);
        Assert.Equal("E-mail 1 - Value", run.Report.RejectedRows[0].Errors[0].Field);

        var ada = run.ContactOn(2);
        Assert.Equal(("Ada", "Lovelace", "ada@analytical.example"), (ada.FirstName, ada.LastName, ada.Email));
        Assert.Equal(("Analytical Engines", "Programmer"), (ada.Company, ada.Position));
        Assert.Equal("Met at the Difference Engine demo", ada.Notes);
        Assert.Equal("CHARLES@Analytical.example", run.ContactOn(3).Email); // the first of "a ::: b"
        var mary = run.ContactOn(4);
        Assert.Equal(("Mary", "Somerville"), (mary.FirstName, mary.LastName)); // split from Name
        Assert.Contains(new RecognisedColumn("Organization 1 - Title", ContactField.Position), run.Report.RecognisedColumns);
        Assert.Contains("Group Membership", run.Report.IgnoredColumns);
    }

    [Fact]
    public async Task Google_contacts_new_layout_maps_organization_name_and_title()
    {
        var run = await ImportRun.FixtureAsync("google-contacts-new.csv");

        Assert.Equal(ImportFormat.GoogleContacts, run.Report.Format);
        Assert.Equal((2, 0, 1), (run.Report.Accepted, run.Report.Merged, run.Report.Rejected));
        var rejected = Assert.Single(run.Report.RejectedRows);
        Assert.Equal((4, "E-mail 1 - Value"), (rejected.Line, rejected.Errors[0].Field));
        var grace = run.ContactOn(2);
        Assert.Equal(("Grace", "Hopper", "US Navy", "Computer Scientist"), (grace.FirstName, grace.LastName, grace.Company, grace.Position));
        Assert.Equal("Talked about COBOL; \"nanoseconds\" wire demo", grace.Notes);
        Assert.Contains("Labels", run.Report.IgnoredColumns);
    }

    [Fact]
    public async Task Outlook_export_uses_job_title_and_ignores_the_honorific_title()
    {
        var run = await ImportRun.FixtureAsync("outlook-contacts.csv");

        Assert.Equal(ImportFormat.OutlookContacts, run.Report.Format);
        Assert.Equal((2, 0), (run.Report.Accepted, run.Report.Rejected));
        var margaret = run.ContactOn(2);
        Assert.Equal(("Margaret", "Hamilton", "MIT Instrumentation Lab", "Director of Software Engineering"), (margaret.FirstName, margaret.LastName, margaret.Company, margaret.Position));
        Assert.Equal(["Apollo"], margaret.Tags);
        Assert.Contains("Title", run.Report.IgnoredColumns);
    }

    [Fact]
    public async Task Outlook_contact_whose_address_is_in_the_second_email_slot_is_imported_with_it()
    {
        // Outlook keeps three address slots; a contact with only "E-mail 2" was refused as having no email at all.
        var run = await ImportRun.TextAsync(
            "\"First Name\",\"Middle Name\",\"Last Name\",\"Title\",\"E-mail Address\",\"E-mail 2 Address\",\"E-mail 3 Address\",\"Company\",\"Job Title\"\r\n" +
            "\"Margaret\",\"\",\"Hamilton\",\"Dr.\",\"\",\"margaret@mit.example\",\"\",\"MIT\",\"Director\"\r\n" +
            "\"Annie\",\"\",\"Easley\",\"Ms.\",\"annie@nasa.example\",\"annie.home@mail.example\",\"\",\"NASA\",\"Scientist\"\r\n" +
            "\"Mary\",\"\",\"Jackson\",\"\",\"\",\"\",\"mary@nasa.example\",\"NASA\",\"Engineer\"\r\n" +
            "\"Dorothy\",\"\",\"Vaughan\",\"\",\"\",\"dorothy at nasa\",\"dorothy@nasa.example\",\"NASA\",\"\"\r\n" +
            "\"Katherine\",\"\",\"Johnson\",\"\",\"\",\"\",\"\",\"NASA\",\"\"\r\n");

        Assert.Equal(ImportFormat.OutlookContacts, run.Report.Format);
        Assert.Equal((3, 2), (run.Report.Accepted, run.Report.Rejected));
        Assert.Equal("margaret@mit.example", run.ContactOn(2).Email);
        Assert.Equal("annie@nasa.example", run.ContactOn(3).Email); // the first slot wins when it is filled
        Assert.Equal("mary@nasa.example", run.ContactOn(4).Email);
        var broken = Assert.Single(run.Row(5).Errors);
        Assert.Equal("E-mail 2 Address", broken.Field); // a broken address is reported, not passed over for the next one
        Assert.Equal("E-mail Address", Assert.Single(run.Row(6).Errors).Field);
        Assert.Contains(new RecognisedColumn("E-mail 2 Address", ContactField.Email), run.Report.RecognisedColumns);
        Assert.DoesNotContain("E-mail 3 Address", run.Report.IgnoredColumns);
    }

    [Fact]
    public async Task Outlook_contact_from_the_organisations_directory_takes_its_smtp_address_or_is_refused_saying_why()
    {
        // Classic Outlook exports a colleague from the Exchange directory with E-mail Type EX and an Exchange address in
        // E-mail Address, which no mail can be sent to; the SMTP address, when the card has one, is in another slot.
        const string Exchange = "/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=1f2e3d-Bob";
        var run = await ImportRun.TextAsync(
            "\"First Name\",\"Last Name\",\"E-mail Address\",\"E-mail Type\",\"E-mail 2 Address\",\"Web Page\",\"Company\"\r\n" +
            $"\"Bob\",\"Smith\",\"{Exchange}\",\"EX\",\"bob.smith@contoso.example\",\"\",\"Contoso\"\r\n" +
            $"\"Ann\",\"Lee\",\"{Exchange.ToUpperInvariant()}\",\"EX\",\"\",\"https://www.linkedin.com/in/ann-lee\",\"Contoso\"\r\n" +
            $"\"Carl\",\"Diaz\",\"{Exchange}\",\"EX\",\"\",\"\",\"Contoso\"\r\n");

        Assert.Equal((2, 1), (run.Report.Accepted, run.Report.Rejected));
        Assert.Equal("bob.smith@contoso.example", run.ContactOn(2).Email);
        Assert.Equal((null, "https://www.linkedin.com/in/ann-lee"), (run.ContactOn(3).Email, run.ContactOn(3).LinkedInUrl));
        var refused = Assert.Single(run.Row(4).Errors);
        Assert.Equal("E-mail Address", refused.Field);
        Assert.StartsWith("holds an Exchange address", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Google_contact_whose_only_address_is_the_second_is_imported_with_it()
    {
        var run = await ImportRun.TextAsync(
            "First Name,Middle Name,Last Name,Organization Name,Organization Title,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value\r\n" +
            "Grace,,Hopper,US Navy,Rear Admiral,* myContacts,,,Work,grace@navy.example\r\n");

        Assert.Equal(ImportFormat.GoogleContacts, run.Report.Format);
        Assert.Equal((1, 0), (run.Report.Accepted, run.Report.Rejected));
        Assert.Equal("grace@navy.example", run.ContactOn(2).Email);
    }

    [Fact]
    public async Task Google_contact_whose_LinkedIn_profile_is_its_website_gets_that_profile()
    {
        var run = await ImportRun.FixtureAsync("google-contacts-old.csv");

        Assert.Equal("https://www.linkedin.com/in/ada", run.ContactOn(2).LinkedInUrl); // Website 1 - Value
        Assert.Null(run.ContactOn(3).LinkedInUrl);
        Assert.Contains(new RecognisedColumn("Website 1 - Value", ContactField.LinkedInUrl), run.Report.RecognisedColumns);
        Assert.DoesNotContain("Website 1 - Value", run.Report.IgnoredColumns);
    }

    [Fact]
    public async Task Outlook_web_page_that_is_a_LinkedIn_profile_identifies_a_contact_without_an_address()
    {
        var run = await ImportRun.TextAsync(
            "\"First Name\",\"Middle Name\",\"Last Name\",\"Title\",\"Web Page\",\"E-mail Address\",\"Company\",\"Job Title\"\r\n" +
            "\"Margaret\",\"\",\"Hamilton\",\"Dr.\",\"uk.linkedin.com/in/Margaret-Hamilton/\",\"\",\"MIT\",\"Director\"\r\n" +
            "\"Annie\",\"\",\"Easley\",\"\",\"https://annie.example/blog\",\"annie@nasa.example\",\"NASA\",\"\"\r\n");

        Assert.Equal(ImportFormat.OutlookContacts, run.Report.Format);
        Assert.Equal((2, 0), (run.Report.Accepted, run.Report.Rejected));
        Assert.Equal("https://www.linkedin.com/in/margaret-hamilton", run.ContactOn(2).LinkedInUrl);
        Assert.Null(run.ContactOn(3).LinkedInUrl); // another website is passed over, never an error
        Assert.Contains(new RecognisedColumn("Web Page", ContactField.LinkedInUrl), run.Report.RecognisedColumns);
    }

    [Fact]
    public async Task Sheet_website_gives_the_profile_only_when_the_LinkedIn_column_is_empty()
    {
        var run = await ImportRun.TextAsync(
            "Name,Email,LinkedIn,Website\n" +
            "Ada Lovelace,ada@example.org,https://www.linkedin.com/in/ada,https://www.linkedin.com/in/someone-else\n" +
            "Alan Turing,alan@example.org,,https://www.linkedin.com/in/alan-turing\n" +
            "Grace Hopper,,,https://www.linkedin.com/company/navy\n" +
            "Mary Jackson,mary@example.org,,not a url at all\n");

        Assert.Equal((3, 1), (run.Report.Accepted, run.Report.Rejected));
        Assert.Equal("https://www.linkedin.com/in/ada", run.ContactOn(2).LinkedInUrl); // the LinkedIn column wins
        Assert.Equal("https://www.linkedin.com/in/alan-turing", run.ContactOn(3).LinkedInUrl);
        var grace = Assert.Single(run.Row(4).Errors); // a company page is no profile: the row has no identity
        Assert.Equal("Email / LinkedIn", grace.Field);
        Assert.Null(run.ContactOn(5).LinkedInUrl);
    }

    [Fact]
    public async Task Any_csv_with_known_header_aliases_is_read_as_generic()
    {
        var run = await ImportRun.FixtureAsync("generic-aliases.csv");

        Assert.Equal(ImportFormat.Generic, run.Report.Format);
        Assert.Equal(';', run.Report.Delimiter);
        Assert.Equal(2, run.Report.Accepted);
        Assert.Equal(["Favourite colour"], run.Report.IgnoredColumns);
        var zoe = run.ContactOn(3);
        Assert.Equal(("Zoë", "Ångström", "Nordic Labs", "CTO"), (zoe.FirstName, zoe.LastName, zoe.Company, zoe.Position));
        Assert.Equal("https://www.linkedin.com/in/zoe-angstrom", zoe.LinkedInUrl);
    }

    [Fact]
    public async Task Class_visit_sheet_is_detected_and_every_column_lands_in_its_field()
    {
        var run = await ImportRun.TextAsync(
            "First name,Last name,Email,LinkedIn URL,Company,Position,Event,Met on,What we talked about,What I can offer,Tags\n" +
            "Amara,Okafor,amara@northwind.example,https://www.linkedin.com/in/amara,Northwind,Recruiter,Class visit: Northwind,2024-11-14,\"Graduate scheme\nopens in January\",Send the capstone,\"recruiter; graduate-scheme\"\n");

        Assert.Equal(ImportFormat.ClassVisitSheet, run.Report.Format);
        var amara = run.ContactOn(2);
        Assert.Equal([new Outreach.Core.Contacts.EventMet("Class visit: Northwind", new DateOnly(2024, 11, 14))], amara.Events);
        Assert.Equal("Graduate scheme\nopens in January", amara.Notes);
        Assert.Equal("Send the capstone", amara.Offer);
        Assert.Equal(["recruiter", "graduate-scheme"], amara.Tags);
        Assert.Empty(run.Report.IgnoredColumns);
    }

    [Fact]
    public async Task A_given_format_overrides_detection()
    {
        var run = await ImportRun.TextAsync(LinkedInHeader + "\nAda,Lovelace,https://www.linkedin.com/in/ada,,Acme,Engineer,15 Mar 2024\n", ImportRun.Options(ImportFormat.Generic));

        Assert.Equal(ImportFormat.Generic, run.Report.Format);
        Assert.Contains("URL", run.Report.IgnoredColumns); // "URL" means the profile only in LinkedIn's export
        Assert.Equal(1, run.Report.Rejected);
    }

    [Fact]
    public async Task A_given_format_whose_header_is_absent_fails_naming_the_format()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => ImportRun.TextAsync(LinkedInHeader + "\n", ImportRun.Options(ImportFormat.OutlookContacts)));

        Assert.Equal("import.no-header", error.Code);
        Assert.Contains("OutlookContacts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task File_without_a_recognisable_header_fails_listing_the_known_headers()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => ImportRun.TextAsync("Product,Price,Qty\nWidget,3.50,10\n"));

        Assert.Equal("import.no-header", error.Code);
        Assert.Equal("file", error.Target);
        Assert.Contains("First Name, Last Name, Name, Email", error.Message, StringComparison.Ordinal);
        Assert.Contains("Connected On", error.Message, StringComparison.Ordinal);
    }
}
