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

    /// <summary>
    /// The most bytes one text field of a form post may have before it is decoded, so a transport can stop reading a
    /// field as soon as it passes it instead of holding it whole: four bytes for each character of the limit on what the
    /// field becomes (no charset spends more on a character), so a field the character limits would accept is never
    /// refused for its bytes. Plain-text bodies (SendGrid <c>text</c>, Mailgun <c>body-plain</c>, <c>stripped-text</c>)
    /// get <see cref="MaxTextChars"/>, HTML bodies (<c>html</c>, <c>body-html</c>, <c>stripped-html</c>)
    /// <see cref="MaxHtmlChars"/>, and every other field (header blocks, addresses, subject, the small JSON of
    /// <c>envelope</c> and <c>charsets</c>) <see cref="MaxHeaderBlockChars"/>.
    /// </summary>
    /// <param name="field">The field's name as posted (compared without regard to case).</param>
    public long MaxFormFieldBytes(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var chars = field.ToUpperInvariant() switch
        {
            "TEXT" or "BODY-PLAIN" or "STRIPPED-TEXT" => MaxTextChars,
            "HTML" or "BODY-HTML" or "STRIPPED-HTML" => MaxHtmlChars,
            _ => MaxHeaderBlockChars,
        };
        return 4L * chars;
    }

    /// <summary>The <c>inbound.too-large</c> error for a form field longer than <see cref="MaxFormFieldBytes"/>.</summary>
    /// <param name="field">The field's name as posted.</param>
    public DomainException FormFieldTooLarge(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return new DomainException(
            "inbound.too-large",
            string.Create(CultureInfo.InvariantCulture, $"The form field '{field}' has more than the limit of {MaxFormFieldBytes(field):N0} bytes."),
            field);
    }

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
