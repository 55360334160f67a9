using System.Buffers;

namespace Outreach.Core.Outcomes;

/// <summary>A mailbox: the address and, where given, the decoded display name.</summary>
/// <param name="Address">The address as written (<c>local@domain</c>).</param>
/// <param name="DisplayName">The display name with encoded words decoded, or null.</param>
public sealed record EmailAddress(string Address, string? DisplayName = null)
{
    private static readonly SearchValues<char> NotInAddress = SearchValues.Create(" \t\r\n<>,;");

    /// <summary>Lower-cased, trimmed address: the form used for matching and suppression (same rule as <c>Contact.EmailKey</c>).</summary>
    public string Key => Address.Trim().ToLowerInvariant();

    /// <summary>The part before the last <c>@</c>.</summary>
    public string LocalPart => Address[..Address.LastIndexOf('@')];

    /// <summary>The part after the last <c>@</c>.</summary>
    public string Domain => Address[(Address.LastIndexOf('@') + 1)..];

    /// <summary>Whether a string looks like <c>local@domain</c> (non-empty parts, no spaces or angle brackets).</summary>
    public static bool IsPlausible(string? address)
    {
        if (string.IsNullOrEmpty(address))
        {
            return false;
        }

        var at = address.LastIndexOf('@');
        return at > 0 && at < address.Length - 1
            && !address.AsSpan().ContainsAny(NotInAddress);
    }
}
