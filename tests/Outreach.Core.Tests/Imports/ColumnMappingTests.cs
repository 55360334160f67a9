using Outreach.Core.Imports;

namespace Outreach.Core.Tests.Imports;

/// <summary>The caller's own column names (<see cref="ColumnMapping"/>) for sheets whose headers the alias table does not know.</summary>
public sealed class ColumnMappingTests
{
    private const string SpanishSheet =
        "Nombre completo;Correo;Empresa;Cargo;Comentario\n" +
        "Lucía Pérez;LUCIA@Example.org;Acme;Analista;Habló de datos\n" +
        "Sin Correo;;Acme;;\n";

    [Fact]
    public async Task A_sheet_with_unknown_headers_imports_once_its_columns_are_named()
    {
        var options = ImportRun.Options() with { Columns = ColumnMapping.Parse("nombre completo=name; CORREO=Email\nEmpresa=company;cargo = position; Comentario=notes") };

        var run = await ImportRun.TextAsync(SpanishSheet, options);

        Assert.Equal((2L, 1L, 1L), (run.Report.RowsRead, run.Report.Accepted, run.Report.Rejected));
        var lucia = run.ContactOn(2);
        Assert.Equal(("Lucía", "Pérez", "LUCIA@Example.org", "Acme", "Analista", "Habló de datos"),
            (lucia.FirstName, lucia.LastName, lucia.Email, lucia.Company, lucia.Position, lucia.Notes));
        Assert.Empty(run.Report.IgnoredColumns);
    }

    [Theory]
    [InlineData("Имя;Фамилия;Почта\nАнна;Каренина;anna@example.ru\n", "имя=first name; ФАМИЛИЯ=last name; Почта=email", "Анна", "Каренина")]
    [InlineData("姓名,邮箱\n王小明,wang@example.cn\n", "姓名=name; 邮箱=email", "王小明", null)]
    [InlineData("नाम,ईमेल\nअनीता शर्मा,anita@example.in\n", "नाम=name; ईमेल=email", "अनीता", "शर्मा")]
    [InlineData("Prénom,Courriel\nZoë,zoe@example.fr\n", "prenom=first name; COURRIEL=email", "Zoë", null)]
    public async Task Columns_are_named_in_the_sheets_own_script(string sheet, string columns, string first, string? last)
    {
        var options = ImportRun.Options() with { Columns = ColumnMapping.Parse(columns) };

        var run = await ImportRun.TextAsync(sheet, options);

        Assert.Equal((1L, 1L), (run.Report.RowsRead, run.Report.Accepted));
        Assert.Equal((first, last), (run.ContactOn(2).FirstName, run.ContactOn(2).LastName));
    }

    [Fact]
    public void Headers_that_differ_only_in_a_vowel_sign_stay_apart_while_latin_accents_fold_away()
    {
        Assert.NotEqual(HeaderAliases.Fold("नाम"), HeaderAliases.Fold("नम"));
        Assert.Equal(HeaderAliases.Fold("Prénom"), HeaderAliases.Fold("PRENOM"));
        Assert.Equal("email1value", HeaderAliases.Fold("E-mail 1 - Value"));
        Assert.Equal("почта", HeaderAliases.Fold(" ПОЧТА "));
    }

    [Fact]
    public async Task Without_the_mapping_the_same_sheet_is_refused_with_a_hint_to_name_the_columns()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => ImportRun.TextAsync(SpanishSheet));

        Assert.Equal("import.no-header", error.Code);
        Assert.Contains("columns=Correo=email;Nombre=name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mapped_column_wins_over_an_alias_column_before_it_and_ignore_drops_a_known_one()
    {
        var options = ImportRun.Options() with { Columns = ColumnMapping.Parse("Work mail=email; Title=ignore") };

        var run = await ImportRun.TextAsync("Name,Email,Title,Work mail\nAda Lovelace,ada@home.example,Countess,ada@work.example\n", options);

        var ada = run.ContactOn(2);
        Assert.Equal(("ada@work.example", null), (ada.Email, ada.Position));
        Assert.Equal(["Email", "Title"], run.Report.IgnoredColumns);
    }

    [Fact]
    public async Task A_mapped_name_that_is_not_a_column_of_the_file_is_refused_naming_it_and_the_columns()
    {
        var options = ImportRun.Options() with { Columns = ColumnMapping.Parse("Corre=email; Nombre completo=name") };

        var error = await Assert.ThrowsAsync<DomainException>(() => ImportRun.TextAsync("Nombre completo;Correo;Empresa\nLucía Pérez;l@example.org;Acme\n", options));

        Assert.Equal(("import.bad-parameter", "columns"), (error.Code, error.Target));
        Assert.Equal("columns names 'Corre', not a column of the header on line 1 (Nombre completo, Correo, Empresa).", error.Message);
    }

    [Theory]
    [InlineData("Correo", "columns 'Correo' is not written header=field (for example Correo=email).")]
    [InlineData("=email", "columns '=email' is not written header=field (for example Correo=email).")]
    [InlineData("Correo=mail", "columns 'Correo=mail' maps to 'mail', which is not a field; use one of " + ColumnMapping.FieldNames + ".")]
    [InlineData("Correo=email; correo=notes", "columns names the column 'correo' twice.")]
    [InlineData("Correo=email; Mail 2=email", "columns maps both 'Correo' and 'Mail 2' to email; a field is read from one column.")]
    public void A_bad_mapping_is_refused_naming_the_parameter_and_the_entry(string text, string message)
    {
        var error = Assert.Throws<DomainException>(() => ColumnMapping.Parse(text));

        Assert.Equal(("import.bad-parameter", "columns", message), (error.Code, error.Target, error.Message));
    }

    [Fact]
    public void A_mapping_reads_back_from_its_text_and_blank_is_none()
    {
        var mapping = ColumnMapping.Parse(" Correo = email ;\r\nNombre=name; ");

        Assert.Equal("Correo=email; Nombre=name", mapping!.ToString());
        Assert.Equal(mapping.ToString(), ColumnMapping.Parse(mapping.ToString())!.ToString());
        Assert.Null(ColumnMapping.Parse("  "));
        Assert.Null(ColumnMapping.Parse(" ; "));
    }
}
