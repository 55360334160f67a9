using System.Security.Cryptography;
using System.Text;

namespace Outreach.Core.Introductions;

/// <summary>
/// The receipt a consent page carries in its form: a random value drawn for each showing of the question and posted
/// back with B's answer, which keeps it (<see cref="Introduction.AnswerReceipt"/>). The same form posted again (a double
/// click, a second tap on a slow phone, a browser's resubmit) carries the same receipt, so B is shown the confirmation
/// B saw the first time; anyone else holding the link (B may have forwarded it) never had that page and cannot tell
/// from the answer to their post which way B answered.
/// </summary>
public static class ConsentReceipts
{
    /// <summary>The length of a receipt: 32 lowercase hex digits (128 random bits).</summary>
    public const int Length = 32;

    /// <summary>A fresh receipt for one showing of the consent page.</summary>
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(Length / 2));

    /// <summary>The receipt if <paramref name="posted"/> has a receipt's shape, otherwise null (nothing else is stored).</summary>
    public static string? Normalize(string? posted)
    {
        var receipt = posted?.Trim();
        return receipt is { Length: Length } && receipt.All(char.IsAsciiHexDigitLower) ? receipt : null;
    }

    /// <summary>True when <paramref name="posted"/> is the receipt B's recorded answer was posted with (compared in constant time).</summary>
    public static bool Matches(Introduction introduction, string? posted)
    {
        ArgumentNullException.ThrowIfNull(introduction);
        return introduction.AnswerReceipt is { } kept
            && Normalize(posted) is { } receipt
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(kept), Encoding.ASCII.GetBytes(receipt));
    }
}
