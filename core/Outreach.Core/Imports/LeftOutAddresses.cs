namespace Outreach.Core.Imports;

/// <summary>
/// What an import says about an address of an accepted row that its contact is not found by: one in a cell of several
/// (<c>a@x.org; b@y</c>) or in a further address column that is not a valid address, or one past the most a contact is
/// found by besides its own (<see cref="StagedRow.MaxFurtherEmails"/>). The row is imported with its first address all
/// the same; the problem, listed with its outcome, names the column and which of the cell's addresses, never the
/// address itself, since the list of every row's outcome holds no cell of the file.
/// </summary>
internal static class LeftOutAddresses
{
    /// <summary>What every such problem says, and no other problem of an imported row does.</summary>
    private const string Marker = "left out of the contact";

    /// <summary>The address number <paramref name="ordinal"/> (1-based) of <paramref name="count"/> in the cell, not a valid address (<paramref name="problem"/> completes "it ...").</summary>
    public static RowError Invalid(string header, int ordinal, int count, string problem) =>
        new(header, $"{Which(ordinal, count)}: it is not a valid email address (it {problem})");

    /// <summary>The address number <paramref name="ordinal"/> of <paramref name="count"/> in the cell, longer than <paramref name="limit"/>.</summary>
    public static RowError TooLong(string header, int ordinal, int count, int length, int limit) =>
        new(header, $"{Which(ordinal, count)}: it is {length} characters long; the limit is {limit}");

    /// <summary>The address number <paramref name="ordinal"/> of <paramref name="count"/> in the cell, past the most a contact is found by.</summary>
    public static RowError PastTheLimit(string header, int ordinal, int count) =>
        new(header, $"{Which(ordinal, count)}: a contact is found by its own address and at most {StagedRow.MaxFurtherEmails} more");

    /// <summary>Whether <paramref name="problem"/> is one of these (not a part a merged contact had no room for: <see cref="LeftOutParts"/>).</summary>
    public static bool Is(RowError problem) => problem.Reason.Contains(Marker, StringComparison.Ordinal);

    private static string Which(int ordinal, int count) => count == 1 ? $"was {Marker}" : $"holds a {Ordinal(ordinal)} address, {Marker}";

    private static string Ordinal(int n) => (n % 100) switch
    {
        11 or 12 or 13 => $"{n}th",
        _ => (n % 10) switch { 1 => $"{n}st", 2 => $"{n}nd", 3 => $"{n}rd", _ => $"{n}th" },
    };
}
