using System.Globalization;
using System.Security.Cryptography;

namespace Outreach.Functions.Imports;

/// <summary>
/// Import ids: 19 digits counting down from the end of time (so table rows, ordered by row key, list newest first)
/// and 8 random hex digits (two imports in the same tick stay apart). Safe in blob names and URLs.
/// </summary>
internal static class ImportIds
{
    private const int Length = 19 + 1 + 8;

    private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create("0123456789abcdef");

    public static string New(DateTimeOffset now) =>
        (DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" +
        Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    public static bool IsValid(string? id) =>
        id is { Length: Length } && id[19] == '-' && id.AsSpan(0, 19).IndexOfAnyExceptInRange('0', '9') < 0 &&
        id.AsSpan(20).IndexOfAnyExcept(LowerHex) < 0;
}
