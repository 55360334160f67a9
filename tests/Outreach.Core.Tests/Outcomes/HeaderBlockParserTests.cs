using Outreach.Core.Outcomes;

namespace Outreach.Core.Tests.Outcomes;

public sealed class HeaderBlockParserTests
{
    [Fact]
    public void Unfolds_continuation_lines_keeping_the_whitespace_that_follows_the_line_break()
    {
        var headers = HeaderBlockParser.Parse("Subject: Thank you for\r\n visiting\r\n\tour class\r\nTo: a@b.example\r\n");

        Assert.Equal("Thank you for visiting\tour class", headers.Get("Subject"));
        Assert.Equal("a@b.example", headers.Get("To"));
    }

    [Fact]
    public void Looks_up_names_case_insensitively_and_keeps_every_repeated_field_in_order()
    {
        var headers = HeaderBlockParser.Parse("Received: from a\nRECEIVED: from b\nreceived: from c\nmessage-id: <x@y>\n");

        Assert.Equal(["from a", "from b", "from c"], headers.GetAll("Received"));
        Assert.Equal("<x@y>", headers.Get("Message-ID"));
        Assert.Equal(4, headers.Count);
        Assert.Empty(headers.GetAll("Cc"));
        Assert.Null(headers.Get("Cc"));
    }

    [Fact]
    public void Stops_at_the_blank_line_so_a_whole_message_can_be_passed()
    {
        var headers = HeaderBlockParser.Parse("Subject: Hi\n\nBody-Looking: line\n");

        Assert.Single(headers);
        Assert.False(headers.Contains("Body-Looking"));
    }

    [Fact]
    public void Skips_an_mbox_from_line_and_lines_without_a_colon()
    {
        var headers = HeaderBlockParser.Parse("From sam@student.example Mon Mar  2 09:00:00 2026\nSubject: Hi\ngarbage line\nTo: a@b.example\n");

        Assert.Equal(["Subject", "To"], headers.Select(h => h.Name));
    }

    [Fact]
    public void Keeps_an_empty_value_as_present()
    {
        var headers = HeaderBlockParser.Parse("X-MS-Has-Attach:\nSubject: x\n");

        Assert.True(headers.Contains("X-MS-Has-Attach"));
        Assert.Equal(string.Empty, headers.Get("X-MS-Has-Attach"));
    }

    [Fact]
    public void Too_many_header_fields_is_a_domain_error_naming_the_field_and_limit()
    {
        var block = string.Join("\n", Enumerable.Range(0, 6).Select(i => $"X-H{i}: v"));

        var error = Assert.Throws<DomainException>(() => HeaderBlockParser.Parse(block, new InboundLimits { MaxHeaderCount = 5 }));

        Assert.Equal("inbound.too-large", error.Code);
        Assert.Equal("headers", error.Target);
        Assert.Contains("5 header fields", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_long_a_header_block_is_a_domain_error()
    {
        var error = Assert.Throws<DomainException>(() => HeaderBlockParser.Parse("Subject: " + new string('x', 200), new InboundLimits { MaxHeaderBlockChars = 100 }));

        Assert.Equal("headers", error.Target);
    }
}
