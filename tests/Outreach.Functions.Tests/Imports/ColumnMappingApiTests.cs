using System.Net;
using System.Text;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;
using static Outreach.Functions.Tests.Imports.ImportFiles;

namespace Outreach.Functions.Tests.Imports;

/// <summary>POST /api/imports with <c>columns</c>, the caller's own names for a sheet's columns, on the real handler and Azurite.</summary>
public sealed class ColumnMappingApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private static readonly byte[] SpanishSheet = Encoding.UTF8.GetBytes(
        "Nombre completo;Correo;Empresa\nLucía Pérez;lucia@example.org;Acme\nSin Correo;;Acme\n");

    private readonly ApiApp _app = ApiApp.Start(azurite);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_sheet_with_its_columns_named_imports_and_its_rejected_rows_read_back_with_the_same_names()
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("cols")));

        using var response = await PostCsvAsync(client, SpanishSheet, "?columns=" + Uri.EscapeDataString("Nombre completo=name; Correo=email; Empresa=company"));
        var record = await JsonAsync(response);
        var id = record.GetProperty("id").GetString()!;
        using var rejected = await client.GetAsync(new Uri($"/api/imports/{id}/rejected", UriKind.Relative));
        var csv = (await rejected.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((2L, 1L, 0L, 0L, 1L), Counts(record));
        Assert.Equal("Nombre completo=name; Correo=email; Empresa=company", record.GetProperty("columns").GetString());
        var lucia = Assert.Single(await ContactsAsync(client));
        Assert.Equal(("Lucía Pérez", true, "Acme"), (lucia.GetProperty("fullName").GetString(), lucia.GetProperty("hasEmail").GetBoolean(), lucia.GetProperty("company").GetString()));
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal("Import error;Nombre completo;Correo;Empresa", csv[0]);
        Assert.StartsWith("Line 3: Correo is empty", csv[1], StringComparison.Ordinal); // the error names the column as the file heads it
        Assert.EndsWith(";Sin Correo;;Acme", csv[1], StringComparison.Ordinal);
        Assert.Equal(2, csv.Length);
    }

    [Theory]
    [InlineData("Correo", "columns 'Correo' is not written header=field (for example Correo=email).")]
    [InlineData("Nombre completo=name; Corre=email", "columns names 'Corre', not a column of the header on line 1 (Nombre completo, Correo, Empresa).")]
    public async Task A_bad_or_mistyped_mapping_is_400_naming_columns(string columns, string title)
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("cols")));

        using var response = await PostCsvAsync(client, SpanishSheet, "?columns=" + Uri.EscapeDataString(columns));
        var problem = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(("import.bad-parameter", "columns", title), (problem.GetProperty("code").GetString(), problem.GetProperty("target").GetString(), problem.GetProperty("title").GetString()));
        Assert.Empty(await ContactsAsync(client));
    }
}
