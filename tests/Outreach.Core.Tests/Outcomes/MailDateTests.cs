using Outreach.Core.Outcomes;

namespace Outreach.Core.Tests.Outcomes;

public sealed class MailDateTests
{
    [Theory]
    [InlineData("Mon, 2 Mar 2026 09:14:02 +0000", "2026-03-02T09:14:02+00:00")]
    [InlineData("Mon,  2 Mar 2026 09:00:04 +0000 (UTC)", "2026-03-02T09:00:04+00:00")]
    [InlineData("2 Mar 2026 10:01 +0100", "2026-03-02T10:01:00+01:00")]
    [InlineData("Mon, 02 Mar 2026 01:00:08 -0800 (PST)", "2026-03-02T01:00:08-08:00")]
    [InlineData("Mon, 02 Mar 2026 01:00:08 PST", "2026-03-02T01:00:08-08:00")]
    public void Parses_rfc5322_dates(string raw, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), MailDate.TryParse(raw));
    }

    [Fact]
    public void An_unreadable_date_is_null_not_an_error()
    {
        Assert.Null(MailDate.TryParse("sometime last week"));
    }
}
