using Outreach.Core.Imports;

namespace Outreach.Core.Tests.Imports;

public sealed class LinkedInProfileUrlTests
{
    private const string Handle100 = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    [Theory]
    [InlineData("https://www.linkedin.com/in/ada", "https://www.linkedin.com/in/ada")]
    [InlineData("linkedin.com/in/Ada-Lovelace", "https://www.linkedin.com/in/ada-lovelace")]
    [InlineData("http://www.linkedin.com/in/ada/", "https://www.linkedin.com/in/ada")]
    [InlineData("https://uk.linkedin.com/in/ada?trk=public_profile#about", "https://www.linkedin.com/in/ada")]
    [InlineData("www.linkedin.com/in/ada/en", "https://www.linkedin.com/in/ada")]
    [InlineData("HTTPS://WWW.LINKEDIN.COM/IN/ADA", "https://www.linkedin.com/in/ada")]
    [InlineData("https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller", "https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller")]
    [InlineData("https://www.linkedin.com/in/J%C3%9CRGEN", "https://www.linkedin.com/in/j%C3%BCrgen")]
    [InlineData("https://de.linkedin.com/in/jürgen", "https://www.linkedin.com/in/j%C3%BCrgen")]
    [InlineData("https://www.linkedin.com/mwlite/in/ada-lovelace", "https://www.linkedin.com/in/ada-lovelace")]
    [InlineData("linkedin.com/mwlite/in/Ada/", "https://www.linkedin.com/in/ada")]
    [InlineData("https://www.linkedin.com/in/" + Handle100, "https://www.linkedin.com/in/" + Handle100)]
    public void Profile_urls_become_canonical(string url, string canonical)
    {
        Assert.Null(LinkedInProfileUrl.TryNormalise(url, out var result));
        Assert.Equal(canonical, result);
    }

    [Theory]
    [InlineData("https://www.linkedin.com/company/contoso", "is a LinkedIn URL but not a profile (/in/...)")]
    [InlineData("https://www.linkedin.com/feed/update/urn:li:activity:1", "is a LinkedIn URL but not a profile (/in/...)")]
    [InlineData("https://www.linkedin.com/in/", "has no profile name after /in/")]
    [InlineData("https://www.linkedin.com/mwlite/company/contoso", "is a LinkedIn URL but not a profile (/in/...)")]
    [InlineData("https://www.linkedin.com/in/" + Handle100 + "a", "has a profile name longer than the 100 characters LinkedIn allows")]
    [InlineData("https://twitter.com/ada", "is not a linkedin.com URL")]
    [InlineData("https://linkedin.com.evil.example/in/ada", "is not a linkedin.com URL")]
    [InlineData("ftp://linkedin.com/in/ada", "is not an http(s) URL")]
    [InlineData("https://www.linkedin.com/in/ada%ZZ", "has '%' in the profile name")]
    public void Anything_but_a_profile_is_refused_with_the_reason(string url, string reason)
    {
        Assert.Equal(reason, LinkedInProfileUrl.TryNormalise(url, out var result));
        Assert.Null(result);
    }
}
