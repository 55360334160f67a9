using Outreach.Core.Outcomes;
using Outreach.Core.Messaging.Delivery;

namespace Outreach.Core.Tests.Outcomes;

public sealed class MessageIdsTests
{
    [Theory]
    [InlineData("<Abc.123@Mail.Example.COM>", "Abc.123@mail.example.com")]
    [InlineData("  <abc@x.example>  ", "abc@x.example")]
    [InlineData("abc@X.example", "abc@x.example")]
    [InlineData("<>", null)]
    [InlineData("  ", null)]
    public void Normalize_strips_brackets_and_lower_cases_only_the_domain(string raw, string? expected)
    {
        Assert.Equal(expected, MessageIds.Normalize(raw));
    }

    [Theory]
    [InlineData("<a@x.example> <b@y.example>")]
    [InlineData("<a@x.example>,<b@y.example>")]
    [InlineData("<a@x.example>\r\n\t<b@y.example>")]
    [InlineData("a@x.example b@y.example")]
    [InlineData("a@x.example, b@Y.EXAMPLE")]
    [InlineData("<a@x.example> (first) <b@y.example> <a@x.example>")]
    [InlineData("<a@x.example><b@y.example>")]
    public void ParseList_reads_references_in_every_common_layout(string raw)
    {
        Assert.Equal(["a@x.example", "b@y.example"], MessageIds.ParseList(raw));
    }

    [Theory]
    [InlineData("universität.example", "@xn--universitt-y5a.example>")]
    [InlineData("Uni.Example", "@uni.example>")]
    public void New_writes_the_domain_in_its_lower_case_ascii_form(string domain, string expectedEnd)
    {
        var id = MessageIds.New(domain);

        Assert.EndsWith(expectedEnd, id, StringComparison.Ordinal);
        Assert.True(MessageIds.IsValid(id), id);
    }

    [Fact]
    public void ParseList_removes_whitespace_folded_into_an_id()
    {
        Assert.Equal(["CAF=long-id@mail.gmail.com"], MessageIds.ParseList("<CAF=long-\r\n id@mail.gmail.com>"));
    }
}
