using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Core.Imports;
using Outreach.Functions.Imports;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;
using static Outreach.Functions.Tests.Imports.ImportFiles;

namespace Outreach.Functions.Tests.Imports;

/// <summary>Limits:MaxRowsPerImport, Limits:MaxFieldLength and Limits:MaxContactsReadAtOnce applied to imports on the real handler and real Azurite.</summary>
public sealed class ImportLimitsApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly ApiApp _app = ApiApp.Start(azurite, ("Limits:MaxRowsPerImport", "5"), ("Limits:MaxFieldLength", "200"), ("Limits:MaxContactsReadAtOnce", "7"));

    public void Dispose() => _app.Dispose();

    [Fact]
    public void Every_import_runs_under_the_deployments_limits_whatever_its_options_say()
    {
        var runner = _app.Factory.Services.GetRequiredService<ImportRunner>();

        var options = runner.WithinLimits(new ImportOptions { OwnerId = "o", MaxRows = 1_000, MaxFieldLength = 4_000, MaxContactsReadAtOnce = 20_000 });

        // Limits:MaxContactsReadAtOnce shows only in how many requests a re-import makes; its effect is tested in the core and store tests.
        Assert.Equal((5L, 200, 7), (options.MaxRows, options.MaxFieldLength, options.MaxContactsReadAtOnce));
    }

    [Fact]
    public async Task A_file_over_the_row_limit_imports_the_rows_before_it_and_names_the_first_line_not_read_and_the_setting()
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("rows")));

        using var response = await PostCsvAsync(client, Sample("class-visit.csv"));
        var record = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("completed", record.GetProperty("status").GetString());
        Assert.Equal((5L, 5L, 0L, 0L, 0L), Counts(record));
        Assert.Equal(7, record.GetProperty("notReadFromLine").GetInt32());
        Assert.EndsWith("The limit is the Limits:MaxRowsPerImport setting.", record.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(5, (await ContactsAsync(client)).Count);
    }

    [Fact]
    public async Task A_field_over_the_field_limit_rejects_its_row_naming_the_field_and_the_limit()
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("field")));
        var file = Encoding.UTF8.GetBytes(
            "Name,Email,Company\n" +
            $"Ada Lovelace,ada@example.org,{new string('A', 210)}\n" +
            "Grace Hopper,grace@example.org,Navy\n");

        using var response = await PostCsvAsync(client, file);
        var record = await JsonAsync(response);

        Assert.Equal((2L, 1L, 0L, 0L, 1L), Counts(record));
        var rejected = Assert.Single(record.GetProperty("rejected").EnumerateArray());
        var error = Assert.Single(rejected.GetProperty("errors").EnumerateArray());
        Assert.Equal((2, "Company", "is 210 characters long; the limit is 200"),
            (rejected.GetProperty("line").GetInt32(), error.GetProperty("field").GetString(), error.GetProperty("reason").GetString()));
    }
}
