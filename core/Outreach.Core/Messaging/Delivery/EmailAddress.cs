namespace Outreach.Core.Messaging.Delivery;

/// <summary>
/// A mailbox with an optional display name ("Zoë Ångström" &lt;zoe@example.org&gt;). Checked only for what would
/// break a header (one '@', no whitespace, control characters or angle brackets); the transport encodes
/// non-ASCII display names, and a display name's double quotes become typographic ones so it stays one quoted name. Its <see cref="ToString"/> hides the address so it cannot leak into logs.
/// </summary>
public sealed record EmailAddress
{
    /// <summary>Creates an address.</summary>
    /// <exception cref="ArgumentException">The address cannot be put in a header.</exception>
    public EmailAddress(string address, string? displayName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        address = address.Trim();
        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1 || address.IndexOf('@') != at
            || address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';' or '"'))
        {
            throw new ArgumentException("Not a usable email address.", nameof(address));
        }

        Address = address;
        DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : Quotable(Templates.HeaderText.ToSingleLine(displayName));
    }

    /// <summary>The mailbox, e.g. <c>zoe@example.org</c>.</summary>
    public string Address { get; }

    /// <summary>The display name on one line, or null.</summary>
    public string? DisplayName { get; }

    /// <summary>The part after the '@', lower-cased.</summary>
    public string Domain => Address[(Address.LastIndexOf('@') + 1)..].ToLowerInvariant();

    /// <summary>
    /// The name with its ASCII double quotes as typographic ones (“Annie”) and backslashes as full-width ones: the
    /// transport quotes an ASCII name without escaping inside it, so <c>Bo "B" O'Neil</c> became the malformed
    /// <c>"Bo "B" O'Neil"</c> and <c>Lee, Ann "Annie"</c> read as two mailboxes; a non-ASCII name goes out as an RFC 2047
    /// encoded-word instead, which needs no escaping.
    /// </summary>
    private static string Quotable(string name)
    {
        if (name.IndexOfAny(['"', '\\']) < 0)
        {
            return name;
        }

        var builder = new System.Text.StringBuilder(name.Length);
        var opening = true;
        foreach (var c in name)
        {
            switch (c)
            {
                case '"':
                    builder.Append(opening ? '\u201C' : '\u201D');
                    opening = !opening;
                    break;
                case '\\':
                    builder.Append('\uFF3C');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Redacted on purpose: addresses must never reach logs.</summary>
    public override string ToString() => "EmailAddress { redacted }";
}
