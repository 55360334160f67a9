using System.Globalization;

namespace Outreach.Core.Outcomes;

/// <summary>
/// Bounds on what an inbound webhook may hand us. A reply is a few kilobytes; anything far larger is a
/// forwarded archive or an attack, and parsing it would only cost memory. Exceeding a bound is a
/// <see cref="DomainException"/> with code <c>inbound.too-large</c> naming the field.
/// </summary>
public sealed record InboundLimits
{
    /// <summary>The defaults: 1,000,000 characters of text, 2,000,000 of HTML, 500 header fields, 256 KiB of headers.</summary>
    public static InboundLimits Default { get; } = new();

    /// <summary>Longest plain-text body accepted, in characters.</summary>
    public int MaxTextChars { get; init; } = 1_000_000;

    /// <summary>Longest HTML body accepted, in characters.</summary>
    public int MaxHtmlChars { get; init; } = 2_000_000;

    /// <summary>Most header fields accepted (a long relay chain has a few dozen Received lines).</summary>
    public int MaxHeaderCount { get; init; } = 500;

    /// <summary>Longest raw header block accepted, in characters.</summary>
    public int MaxHeaderBlockChars { get; init; } = 256 * 1024;

    internal static void EnsureWithin(int actual, int limit, string field, string unit)
    {
        if (actual > limit)
        {
            throw new DomainException(
                "inbound.too-large",
                string.Create(CultureInfo.InvariantCulture, $"The field '{field}' has more than the limit of {limit:N0} {unit}."),
                field);
        }
    }
}
