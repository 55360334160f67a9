using Outreach.Core.Scoring.Features;

namespace Outreach.Core.Tests.Scoring;

public sealed class SeniorityParserTests
{
    [Theory]
    [InlineData("Marketing Intern", Seniority.Intern)]
    [InlineData("PhD Student", Seniority.Intern)]
    [InlineData("Junior Analyst", Seniority.Junior)]
    [InlineData("Associate Consultant", Seniority.Junior)]
    [InlineData("Sr. Software Engineer", Seniority.Senior)]
    [InlineData("Tech Lead", Seniority.Senior)]
    [InlineData("Product Owner", Seniority.Senior)]
    [InlineData("Engineering Manager", Seniority.Manager)]
    [InlineData("Assistant Manager", Seniority.Manager)]
    [InlineData("Senior Director, Sales", Seniority.Director)]
    [InlineData("Head of Talent", Seniority.Director)]
    [InlineData("VP of Engineering", Seniority.VicePresident)]
    [InlineData("Senior Vice President", Seniority.VicePresident)]
    [InlineData("Chief Marketing Officer", Seniority.Executive)]
    [InlineData("CEO", Seniority.Executive)]
    [InlineData("Co-founder & CTO", Seniority.Executive)]
    [InlineData("President", Seniority.Executive)]
    [InlineData("Partner", Seniority.Executive)]
    [InlineData("Geschäftsführer", Seniority.Unknown)]
    [InlineData("Directeur commercial", Seniority.Unknown)]
    [InlineData("", Seniority.Unknown)]
    [InlineData(null, Seniority.Unknown)]
    public void Parses_seniority_from_the_title(string? title, Seniority expected)
    {
        Assert.Equal(expected, SeniorityParser.Parse(title));
    }
}
