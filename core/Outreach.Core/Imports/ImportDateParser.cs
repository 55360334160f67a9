using System.Globalization;
using System.Numerics;

namespace Outreach.Core.Imports;

/// <summary>
/// Dates in imported files. Accepted: LinkedIn's <c>15 Mar 2024</c> / <c>3 Jan 2019</c> (English month
/// abbreviations or full names), the same with the month first or with dashes as spreadsheets write it
/// (<c>Nov 14, 2024</c>, <c>Thursday, November 14, 2024</c>, <c>14-Nov-2024</c>), ISO <c>2024-03-15</c> (also with a time of day, which is dropped), and numeric <c>dd/MM/yyyy</c> or <c>MM/dd/yyyy</c>
/// (also with <c>.</c> or <c>-</c>). A numeric date is read only when the order is certain: one part is above 12,
/// both parts are equal, the separator is a dot (day first, as in de-DE), or the import names a culture whose
/// short date pattern says which comes first. Otherwise it is refused as ambiguous rather than guessed.
/// </summary>
internal static class ImportDateParser
{
    private const string NotADate = "is not a date like 15 Mar 2024 or 2024-03-15";

    /// <summary>Parses <paramref name="text"/> (trimmed, non-empty).</summary>
    /// <param name="text">The cell.</param>
    /// <param name="dayFirst">True or false when the import's culture fixes the order of numeric dates; null otherwise.</param>
    /// <param name="date">The date when the result is null.</param>
    /// <returns>Why the value is not an accepted date, or null on success.</returns>
    public static string? TryParse(ReadOnlySpan<char> text, bool? dayFirst, out DateOnly date)
    {
        date = default;
        if (text.IsEmpty)
        {
            return "is empty";
        }

        if (text.Length > 10 && text[4] == '-' && text[7] == '-' && text[10] is ' ' or 'T')
        {
            return IsoDateTimeProblem(text, out date);
        }

        // A numeric date has no letter; one with a month name may end in a digit (Nov 14, 2024; 14-Nov-2024).
        if (text.ContainsAnyInRange('A', 'Z') || text.ContainsAnyInRange('a', 'z') || text.Contains(' '))
        {
            return DayMonthNameProblem(text, out date);
        }

        return TryParseNumeric(text, dayFirst, out date);
    }

    /// <summary>Which comes first in <paramref name="culture"/>'s short dates: true for day, false for month.</summary>
    public static bool DayFirstIn(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var pattern = culture.DateTimeFormat.ShortDatePattern;
        var day = pattern.IndexOf('d', StringComparison.Ordinal);
        var month = pattern.IndexOf('M', StringComparison.Ordinal);
        return day >= 0 && (month < 0 || day < month);
    }

    private static readonly string[] IsoDateTimeFormats =
        ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss",
         "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mmK", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK"];

    /// <summary>
    /// An ISO date with a time of day (<c>2024-03-15 12:00</c>, <c>2024-03-15T12:00:00Z</c>: a spreadsheet's
    /// timestamp, a form's response time): the date as written, since a meeting's day is the day it was noted on.
    /// </summary>
    private static string? IsoDateTimeProblem(ReadOnlySpan<char> text, out DateOnly date)
    {
        if (TryParseNumeric(text[..10], dayFirst: null, out date) is { } problem)
        {
            return problem;
        }

        if (!DateTimeOffset.TryParseExact(text, IsoDateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
        {
            date = default;
            return NotADate;
        }

        return null;
    }

    /// <summary>
    /// A day, an English month name and a year, in either order (<c>14 November 2024</c>, <c>Nov 14, 2024</c>), separated by
    /// spaces, commas or dashes (<c>14-Nov-2024</c>), after an optional weekday (<c>Thursday, November 14, 2024</c>, Excel's
    /// long date): null when it is a date, else why not. The month's name says which number is the day, so nothing is guessed.
    /// </summary>
    private static string? DayMonthNameProblem(ReadOnlySpan<char> text, out DateOnly date)
    {
        if (TryReadLinkedInShape(text, out var linkedIn))
        {
            return Create(linkedIn.Year, linkedIn.Month, linkedIn.Day, out date);
        }

        date = default;

        Span<Range> parts = stackalloc Range[5];
        var count = text.SplitAny(parts, " ,-", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var first = 0;
        if (count == 4 && IsWeekday(text[parts[0]]))
        {
            first = 1;
            count--;
        }

        if (count != 3)
        {
            return NotADate;
        }

        var monthFirst = MonthOfName(text[parts[first + 1]]) == 0;
        var dayText = text[parts[monthFirst ? first + 1 : first]];
        var month = MonthOfName(text[parts[monthFirst ? first : first + 1]]);
        var yearText = text[parts[first + 2]];
        if (month == 0
            || !int.TryParse(dayText, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return NotADate;
        }

        if (yearText.Length != 4)
        {
            return "has a year that is not four digits";
        }

        return Create(year, month, day, out date);
    }

    /// <summary>The month (1-12) an English month name or abbreviation (<c>Nov</c>, <c>Nov.</c>, <c>November</c>, <c>Sept</c>) names, in any case, or 0.</summary>
    private static int MonthOfName(ReadOnlySpan<char> text)
    {
        var name = text.TrimEnd('.');
        if (name.Length < 3)
        {
            return 0;
        }

        var month = MonthOfAbbreviation(name[..3]);
        if (month == 0 || name.Length == 3
            || CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month).AsSpan().Equals(name, StringComparison.OrdinalIgnoreCase)
            || (month == 9 && name.Equals("sept", StringComparison.OrdinalIgnoreCase)))
        {
            return month;
        }

        return 0;
    }

    /// <summary>Whether <paramref name="text"/> is an English weekday's name or abbreviation (<c>Thursday</c>, <c>Thu</c>, <c>Thu.</c>).</summary>
    private static bool IsWeekday(ReadOnlySpan<char> text)
    {
        var name = text.TrimEnd('.');
        var names = CultureInfo.InvariantCulture.DateTimeFormat;
        for (var day = 0; day < 7; day++)
        {
            if (name.Equals(names.DayNames[day], StringComparison.OrdinalIgnoreCase) || name.Equals(names.AbbreviatedDayNames[day], StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The exact shape LinkedIn writes (<c>d Mon yyyy</c> / <c>dd Mon yyyy</c>), read without splitting, from characters or
    /// from UTF-8 bytes alike; whether the day makes a date is not checked.
    /// </summary>
    private static bool TryReadLinkedInShape<T>(ReadOnlySpan<T> text, out (int Year, int Month, int Day) parts)
        where T : unmanaged, IBinaryInteger<T>
    {
        parts = default;
        var dayDigits = text.Length == 11 ? 2 : text.Length == 10 ? 1 : 0;
        if (dayDigits == 0 || int.CreateTruncating(text[dayDigits]) != ' ' || int.CreateTruncating(text[dayDigits + 4]) != ' '
            || !TryReadNumber(text[..dayDigits], out var day) || !TryReadNumber(text[(dayDigits + 5)..], out var year))
        {
            return false;
        }

        Span<char> month = [(char)int.CreateTruncating(text[dayDigits + 1]), (char)int.CreateTruncating(text[dayDigits + 2]), (char)int.CreateTruncating(text[dayDigits + 3])];
        parts = (year, MonthOfAbbreviation(month), day);
        return parts.Month > 0;
    }

    /// <summary>The value of ASCII digits; false when another character is among them.</summary>
    private static bool TryReadNumber<T>(ReadOnlySpan<T> digits, out int value)
        where T : unmanaged, IBinaryInteger<T>
    {
        value = 0;
        foreach (var c in digits)
        {
            var digit = int.CreateTruncating(c) - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    /// <summary>
    /// A date in the exact shape LinkedIn writes (<c>15 Mar 2024</c>, <c>3 Jan 2019</c>), read from UTF-8 bytes with no
    /// characters made: false for anything else, which <see cref="TryParse"/> then reads (and says why it is no date).
    /// </summary>
    public static bool TryParseLinkedInShape(ReadOnlySpan<byte> utf8, out DateOnly date)
    {
        date = default;
        return TryReadLinkedInShape(utf8, out var parts) && Create(parts.Year, parts.Month, parts.Day, out date) is null;
    }

    /// <summary>The month (1-12) of an English three-letter abbreviation in any case, or 0: one switch, not twelve comparisons.</summary>
    private static int MonthOfAbbreviation(ReadOnlySpan<char> text)
    {
        if (!char.IsAsciiLetter(text[0]) || !char.IsAsciiLetter(text[1]) || !char.IsAsciiLetter(text[2]))
        {
            return 0;
        }

        return ((text[0] | 0x20) << 16 | (text[1] | 0x20) << 8 | (text[2] | 0x20)) switch
        {
            'j' << 16 | 'a' << 8 | 'n' => 1,
            'f' << 16 | 'e' << 8 | 'b' => 2,
            'm' << 16 | 'a' << 8 | 'r' => 3,
            'a' << 16 | 'p' << 8 | 'r' => 4,
            'm' << 16 | 'a' << 8 | 'y' => 5,
            'j' << 16 | 'u' << 8 | 'n' => 6,
            'j' << 16 | 'u' << 8 | 'l' => 7,
            'a' << 16 | 'u' << 8 | 'g' => 8,
            's' << 16 | 'e' << 8 | 'p' => 9,
            'o' << 16 | 'c' << 8 | 't' => 10,
            'n' << 16 | 'o' << 8 | 'v' => 11,
            'd' << 16 | 'e' << 8 | 'c' => 12,
            _ => 0,
        };
    }

    private static string? TryParseNumeric(ReadOnlySpan<char> text, bool? dayFirst, out DateOnly date)
    {
        date = default;
        var separator = text.IndexOfAny('/', '.', '-') is var i and >= 0 ? text[i] : '\0';
        Span<Range> parts = stackalloc Range[4];
        if (separator == '\0' || text.Split(parts, separator) != 3)
        {
            return NotADate;
        }

        if (!TryNumber(text[parts[0]], out var a) || !TryNumber(text[parts[1]], out var b) || !TryNumber(text[parts[2]], out var c))
        {
            return NotADate;
        }

        if (text[parts[0]].Length == 4)
        {
            return Create(a, b, c, out date);
        }

        if (text[parts[2]].Length != 4)
        {
            return "has a year that is not four digits";
        }

        bool first;
        if (a > 12 || b > 12 || a == b)
        {
            first = a > 12 || (a == b);
        }
        else if (separator == '.')
        {
            first = true;
        }
        else if (dayFirst is { } known)
        {
            first = known;
        }
        else
        {
            return "is ambiguous (day/month or month/day?); use 2024-03-15 or name the date culture";
        }

        var (day, month) = first ? (a, b) : (b, a);
        return Create(c, month, day, out date);
    }

    private static bool TryNumber(ReadOnlySpan<char> text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>The date, or why these numbers are none: a day the month does not have, or a year no contact was met in.</summary>
    private static string? Create(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1900 or > 2200)
        {
            return "has a year before 1900 or after 2200";
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return "is not a real calendar date";
        }

        date = new DateOnly(year, month, day);
        return null;
    }
}
