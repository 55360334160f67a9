using Outreach.Core.Outcomes;

namespace Outreach.Core.Tests.Outcomes;

public sealed class AddressListParserTests
{
    [Fact]
    public void Keeps_a_comma_inside_a_quoted_display_name()
    {
        var list = AddressListParser.Parse("\"Doe, Jr., John\" <john@doe.example>, jane@doe.example");

        Assert.Equal([new EmailAddress("john@doe.example", "Doe, Jr., John"), new EmailAddress("jane@doe.example")], list);
    }

    [Fact]
    public void Reads_bare_addresses_and_the_old_comment_form()
    {
        var list = AddressListParser.Parse("a@b.example (Ann Bee), <c@d.example>");

        Assert.Equal([new EmailAddress("a@b.example", "Ann Bee"), new EmailAddress("c@d.example")], list);
    }

    [Fact]
    public void Decodes_encoded_word_display_names_and_escaped_quotes()
    {
        var list = AddressListParser.Parse("=?iso-8859-1?Q?J=FCrgen_M=FCller?= <j@m.example>, \"Sam \\\"SJ\\\" Jones\" <s@j.example>");

        Assert.Equal("Jürgen Müller", list[0].DisplayName);
        Assert.Equal("Sam \"SJ\" Jones", list[1].DisplayName);
    }

    [Fact]
    public void Flattens_groups_and_drops_empty_ones()
    {
        var list = AddressListParser.Parse("Team: a@b.example, c@d.example;, undisclosed-recipients:;");

        Assert.Equal(["a@b.example", "c@d.example"], list.Select(a => a.Address));
    }

    [Fact]
    public void Drops_entries_that_are_not_addresses()
    {
        Assert.Equal(["ok@x.example"], AddressListParser.Parse("not an address, <>, ok@x.example, \"Only Name\"").Select(a => a.Address));
    }

    [Fact]
    public void The_key_is_lower_cased_and_the_address_kept_as_written()
    {
        var address = AddressListParser.ParseFirst("Jane <Jane.Doe@Contoso.COM>")!;

        Assert.Equal("Jane.Doe@Contoso.COM", address.Address);
        Assert.Equal("jane.doe@contoso.com", address.Key);
    }
}
