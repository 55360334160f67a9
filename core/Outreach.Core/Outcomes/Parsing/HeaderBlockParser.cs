namespace Outreach.Core.Outcomes;

/// <summary>
/// Parses a raw RFC 5322 header block (as SendGrid's <c>headers</c> field or the top of a message carries it)
/// into <see cref="MailHeaders"/>. Lenient where real mail is sloppy: LF or CRLF line ends, an mbox
/// <c>From </c> line, lines without a colon (skipped). Strict on size: too many fields or too long a block
/// is a <see cref="DomainException"/> naming <c>headers</c>.
/// </summary>
public static class HeaderBlockParser
{
    /// <summary>Parses the header block; stops at the first empty line, so a whole message may be passed.</summary>
    /// <param name="block">The raw header text.</param>
    /// <param name="limits">Size bounds, or <see cref="InboundLimits.Default"/>.</param>
    /// <param name="field">The payload field the block came from, named in errors.</param>
    public static MailHeaders Parse(string? block, InboundLimits? limits = null, string field = "headers")
    {
        limits ??= InboundLimits.Default;
        if (string.IsNullOrEmpty(block))
        {
            return MailHeaders.Empty;
        }

        var end = EndOfHeaders(block);
        InboundLimits.EnsureWithin(end, limits.MaxHeaderBlockChars, field, "characters");

        var fields = new List<MailHeader>();
        string? name = null;
        var value = new System.Text.StringBuilder();
        foreach (var rawLine in block.AsSpan(0, end).EnumerateLines())
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
            {
                // Unfolding (RFC 5322 2.2.3): the CRLF goes, the whitespace that follows it stays.
                if (name is not null)
                {
                    value.Append(line);
                }

                continue;
            }

            Flush();
            var colon = line.IndexOf(':');
            if (colon <= 0 || !IsFieldName(line[..colon]))
            {
                name = null;
                continue;
            }

            name = line[..colon].ToString();
            value.Append(line[(colon + 1)..]);
        }

        Flush();
        return new MailHeaders(fields);

        void Flush()
        {
            if (name is null)
            {
                return;
            }

            fields.Add(new MailHeader(name, value.ToString().Trim()));
            InboundLimits.EnsureWithin(fields.Count, limits.MaxHeaderCount, field, "header fields");
            name = null;
            value.Clear();
        }
    }

    private static int EndOfHeaders(string block)
    {
        var crlf = block.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var lf = block.IndexOf("\n\n", StringComparison.Ordinal);
        return (crlf, lf) switch
        {
            (< 0, < 0) => block.Length,
            (< 0, _) => lf,
            (_, < 0) => crlf,
            _ => Math.Min(crlf, lf),
        };
    }

    // RFC 5322 ftext: printable ASCII except colon; a space means this is not a field line (e.g. mbox "From ").
    private static bool IsFieldName(ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (c <= ' ' || c > '~')
            {
                return false;
            }
        }

        return true;
    }
}
