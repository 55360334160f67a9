using Outreach.Core.Imports;

namespace Outreach.Core.Tests.Imports;

public sealed class EmailSyntaxTests
{
    [Theory]
    [InlineData("john@", "has nothing after the @")]
    [InlineData("john@@x.com", "has more than one @")]
    [InlineData("john x@y.com", "contains a space")]
    [InlineData("@x.com", "has nothing before the @")]
    [InlineData("john@example", "has no dot in the domain")]
    [InlineData("john.example.com", "has no @")]
    [InlineData("john@example.c", "has a top-level domain shorter than two letters")]
    [InlineData("john..doe@example.com", "has a misplaced dot before the @")]
    [InlineData("john@example..com", "has an empty part in the domain")]
    [InlineData("john@example.com.", "ends with a dot")]
    [InlineData("john@-example.com", "has a malformed domain part")]
    [InlineData("john@example.123", "has digits in the top-level domain")]
    [InlineData("john@example.c0m", "has digits in the top-level domain")]
    [InlineData("jo<hn>@example.com", "contains '<' before the @")]
    [InlineData("john@exa_mple.com", "contains '_' in the domain")]
    public void Broken_addresses_are_refused_with_the_reason(string email, string reason)
    {
        Assert.Equal(reason, EmailSyntax.Problem(email));
    }

    [Theory]
    [InlineData("ada@example.org")]
    [InlineData("Ada.Lovelace+outreach@Sub.Example.co.uk")]
    [InlineData("o'brien@example.ie")]
    [InlineData("jürgen@münchen.example")]
    [InlineData("info@пример.рф")]
    [InlineData("info@example.xn--p1ai")]
    [InlineData("info@उदाहरण.भारत")]
    [InlineData("info@ตัวอย่าง.ไทย")]
    public void Usable_addresses_pass(string email)
    {
        Assert.Null(EmailSyntax.Problem(email));
    }
}
