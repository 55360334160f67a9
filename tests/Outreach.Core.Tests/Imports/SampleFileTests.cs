using Outreach.Core.Contacts;
using Outreach.Core.Imports;

namespace Outreach.Core.Tests.Imports;

/// <summary>The files in samples/ import with the numbers samples/README.md promises.</summary>
public sealed class SampleFileTests
{
    [Fact]
    public async Task LinkedIn_sample_imports_every_connection()
    {
        var run = await ImportRun.FileAsync("samples/linkedin-Connections.csv");

        Assert.Equal(ImportFormat.LinkedInConnections, run.Report.Format);
        Assert.Equal((18, 0, 0, 0), (run.Report.Accepted, run.Report.Merged, run.Report.Unchanged, run.Report.Rejected));
        Assert.Equal(5, run.Rows[0].Line);
        Assert.Equal(new DateOnly(2024, 2, 29), run.ContactOn(15).ConnectedOn);
    }

    [Fact]
    public async Task Class_visit_sample_merges_the_person_met_twice()
    {
        var run = await ImportRun.FileAsync("samples/class-visit.csv");

        Assert.Equal(ImportFormat.ClassVisitSheet, run.Report.Format);
        Assert.Equal((19, 1, 0, 0), (run.Report.Accepted, run.Report.Merged, run.Report.Unchanged, run.Report.Rejected));
        var amara = run.ContactOn(20);
        Assert.Equal(run.Row(2).ContactId, amara.ContactId);
        Assert.Equal(["Class visit: Northwind Traders", "Alumni evening"], amara.Events.Select(e => e.Name));
        Assert.Equal(["recruiter", "graduate-scheme", "alumni"], amara.Tags);
    }

    [Fact]
    public async Task Class_visit_after_linkedin_merges_people_known_from_both()
    {
        var linkedIn = await ImportRun.FileAsync("samples/linkedin-Connections.csv");

        var run = await ImportRun.FileAsync("samples/class-visit.csv", directory: linkedIn.Directory);

        Assert.Equal((7, 13, 0, 0), (run.Report.Accepted, run.Report.Merged, run.Report.Unchanged, run.Report.Rejected));
        Assert.Equal(25, run.Contacts.Count);
        var lukas = run.ContactOn(5); // de.linkedin.com URL with a tracking query matched the export's
        Assert.Equal(("lukas.schaefer@contoso.example", new DateOnly(2024, 11, 14)), (lukas.Email, lukas.ConnectedOn));
    }

    [Fact]
    public async Task Bad_linkedin_sample_rejects_exactly_the_broken_rows()
    {
        var run = await ImportRun.FileAsync("samples/bad/linkedin-bad-rows.csv");

        Assert.Equal((3, 0, 5), (run.Report.Accepted, run.Report.Merged, run.Report.Rejected));
        Assert.Equal(
            [(6, "URL"), (7, "First Name / Last Name"), (8, "Email Address"), (10, "row"), (13, "Connected On")],
            run.Report.RejectedRows.Select(r => (r.Line, r.Errors.Single().Field)));
        Assert.Equal(1, run.Report.FormulaLikeCells);
        var edsger = run.ContactOn(11);
        Assert.Equal(("Eindhoven University of Technology", "https://www.linkedin.com/in/edsger-dijkstra"), (edsger.Company, edsger.LinkedInUrl));
    }

    [Fact]
    public async Task Bad_class_visit_sample_rejects_exactly_the_broken_rows()
    {
        var run = await ImportRun.FileAsync("samples/bad/class-visit-bad-rows.csv");

        Assert.Equal((2, 0, 8), (run.Report.Accepted, run.Report.Merged, run.Report.Rejected));
        Assert.Equal(
            [(2, "Email"), (3, "Email"), (4, "Email"), (5, "Email"), (6, "Email"), (7, "Met on"), (10, "row"), (11, "Email / LinkedIn URL")],
            run.Report.RejectedRows.Select(r => (r.Line, r.Errors.Single().Field)));
        Assert.Equal(new EventMet("Class visit: Initrode", new DateOnly(2024, 11, 14)), run.ContactOn(8).Events.Single());
        var lea = run.ContactOn(9); // a short row: the missing cells are empty
        Assert.Equal(("Initrode", "Product Owner"), (lea.Company, lea.Position));
        Assert.Empty(lea.Events);
    }
}
