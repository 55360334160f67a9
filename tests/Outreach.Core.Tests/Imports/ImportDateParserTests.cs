using System.Globalization;
using Outreach.Core.Imports;

namespace Outreach.Core.Tests.Imports;

public sealed class ImportDateParserTests
{
    [Theory]
    [InlineData("15 Mar 2024", 2024, 3, 15)]
    [InlineData("3 Jan 2019", 2019, 1, 3)]
    [InlineData("29 Feb 2024", 2024, 2, 29)]
    [InlineData("7 September 2015", 2015, 9, 7)]
    [InlineData("2024-11-14", 2024, 11, 14)]
    [InlineData("14/11/2024", 2024, 11, 14)]
    [InlineData("11/14/2024", 2024, 11, 14)]
    [InlineData("04/04/2024", 2024, 4, 4)]
    [InlineData("03.04.2024", 2024, 4, 3)]
    [InlineData("2024-03-15 12:00", 2024, 3, 15)]
    [InlineData("2024-03-15 23:59:59", 2024, 3, 15)]
    [InlineData("2024-03-15T23:30:00Z", 2024, 3, 15)]
    [InlineData("2024-03-15T23:30:00.125-05:00", 2024, 3, 15)]
    [InlineData("Nov 14, 2024", 2024, 11, 14)]
    [InlineData("November 14, 2024", 2024, 11, 14)]
    [InlineData("nov. 4 2024", 2024, 11, 4)]
    [InlineData("Thursday, November 14, 2024", 2024, 11, 14)]
    [InlineData("Thu, 14 Nov 2024", 2024, 11, 14)]
    [InlineData("14-Nov-2024", 2024, 11, 14)]
    [InlineData("4-Sept-2024", 2024, 9, 4)]
    public void Accepted_formats_parse_without_a_culture(string text, int year, int month, int day)
    {
        Assert.Null(ImportDateParser.TryParse(text, dayFirst: null, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Fact]
    public void Ambiguous_numeric_date_is_refused_without_a_culture_and_read_with_one()
    {
        Assert.Equal("is ambiguous (day/month or month/day?); use 2024-03-15 or name the date culture", ImportDateParser.TryParse("03/04/2024", null, out _));

        Assert.Null(ImportDateParser.TryParse("03/04/2024", ImportDateParser.DayFirstIn(CultureInfo.GetCultureInfo("en-GB")), out var british));
        Assert.Null(ImportDateParser.TryParse("03/04/2024", ImportDateParser.DayFirstIn(CultureInfo.GetCultureInfo("en-US")), out var american));
        Assert.Equal(new DateOnly(2024, 4, 3), british);
        Assert.Equal(new DateOnly(2024, 3, 4), american);
    }

    [Theory]
    [InlineData("32 Jan 2023", "is not a real calendar date")]
    [InlineData("30 Feb 2024", "is not a real calendar date")]
    [InlineData("29  February 2023", "is not a real calendar date")]
    [InlineData("15 Mar 1850", "has a year before 1900 or after 2200")]
    [InlineData("1850-03-15", "has a year before 1900 or after 2200")]
    [InlineData("15 Marc 2024", "is not a date like 15 Mar 2024 or 2024-03-15")]
    [InlineData("2024-13-01", "is not a real calendar date")]
    [InlineData("14/11/24", "has a year that is not four digits")]
    [InlineData("next tuesday", "is not a date like 15 Mar 2024 or 2024-03-15")]
    [InlineData("2024-02-30 12:00", "is not a real calendar date")]
    [InlineData("2024-03-15 25:00", "is not a date like 15 Mar 2024 or 2024-03-15")]
    [InlineData("2024-03-15 noon", "is not a date like 15 Mar 2024 or 2024-03-15")]
    [InlineData("Nov 31, 2024", "is not a real calendar date")]
    [InlineData("14-Nov-24", "has a year that is not four digits")]
    [InlineData("Nov 14", "is not a date like 15 Mar 2024 or 2024-03-15")]
    [InlineData("Nov 14, 2024 Thursday", "is not a date like 15 Mar 2024 or 2024-03-15")]
    [InlineData("Someday, Nov 14, 2024", "is not a date like 15 Mar 2024 or 2024-03-15")]
    [InlineData("Nov Dec 2024", "is not a date like 15 Mar 2024 or 2024-03-15")]
    public void Impossible_or_unknown_dates_are_refused(string text, string reason)
    {
        Assert.Equal(reason, ImportDateParser.TryParse(text, null, out _));
    }

    [Theory]
    [InlineData("15 Mar 2024")]
    [InlineData("3 jan 2019")]
    [InlineData("29 FEB 2024")]
    [InlineData("30 Feb 2024")]
    [InlineData("0 Mar 2024")]
    [InlineData("15 Mar 1850")]
    [InlineData("15 Mrz 2024")]
    [InlineData("1a Mar 2024")]
    [InlineData("15 Mar 2O24")]
    [InlineData("15-Mar-2024")]
    [InlineData("15 Mar 24")]
    [InlineData("7 September 2015")]
    [InlineData("2024-11-14")]
    public void The_linkedin_shape_read_from_bytes_gives_what_the_text_parser_gives_or_defers_to_it(string text)
    {
        var parsed = ImportDateParser.TryParse(text, null, out var expected);

        var fast = ImportDateParser.TryParseLinkedInShape(System.Text.Encoding.UTF8.GetBytes(text), out var date);

        if (fast)
        {
            Assert.Null(parsed);
            Assert.Equal(expected, date);
        }

        // Every real date in LinkedIn's shape is read from the bytes; everything else is left to the text parser.
        Assert.Equal(parsed is null && text.Length is 10 or 11 && text[^5] == ' ', fast);
    }
}
