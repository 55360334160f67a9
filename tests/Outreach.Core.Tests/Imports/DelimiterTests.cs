namespace Outreach.Core.Tests.Imports;

public sealed class DelimiterTests
{
    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    [InlineData('\t')]
    public async Task Separator_is_sniffed_from_the_header_even_when_values_contain_the_others(char separator)
    {
        var s = separator.ToString();
        var text =
            string.Join(s, "First Name", "Last Name", "Email", "Company", "Position") + "\n" +
            string.Join(s, "Ada", "Lovelace", "ada@example.org", "\"Acme, Inc.; Ltd\"", "Engineer") + "\n" +
            string.Join(s, "Alan", "Turing", "alan@example.org", "Bletchley", "\"Crypt\tanalyst\"") + "\n";

        var run = await ImportRun.TextAsync(text);

        Assert.Equal(separator, run.Report.Delimiter);
        Assert.Equal((2, 0), (run.Report.Accepted, run.Report.Rejected));
        Assert.Equal("Acme, Inc.; Ltd", run.ContactOn(2).Company);
    }

    [Fact]
    public async Task Quoted_fields_with_line_breaks_count_their_lines_in_later_row_numbers()
    {
        var run = await ImportRun.TextAsync(
            "Name,Email,Notes\r\n" +
            "Ada Lovelace,ada@example.org,\"line one\r\nline two\r\nline three\"\r\n" +
            "Alan Turing,not-an-email,\"x\ny\"\r\n" +
            "Grace Hopper,grace@example.org,short\r\n");

        Assert.Equal([2, 5, 7], run.Rows.Select(r => r.Line));
        Assert.Equal("line one\nline two\nline three", run.ContactOn(2).Notes);
        var rejected = Assert.Single(run.Report.RejectedRows);
        Assert.Equal((5, "Email"), (rejected.Line, rejected.Errors[0].Field));
        Assert.Equal("Alan Turing,not-an-email,\"x\ny\"", rejected.RawText);
    }
}
