namespace Outreach.Core.Messaging.Delivery;

/// <summary>
/// A mailbox with an optional display name ("Zoë Ångström" &lt;zoe@example.org&gt;). Checked only for what would
/// break a header (one '@', no whitespace, control characters or angle brackets); the transport encodes
/// non-ASCII display names. Its <see cref="ToString"/> hides the address so it cannot leak into logs.
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
        DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : Templates.HeaderText.ToSingleLine(displayName);
    }

    /// <summary>The mailbox, e.g. <c>zoe@example.org</c>.</summary>
    public string Address { get; }

    /// <summary>The display name on one line, or null.</summary>
    public string? DisplayName { get; }

    /// <summary>The part after the '@', lower-cased.</summary>
    public string Domain => Address[(Address.LastIndexOf('@') + 1)..].ToLowerInvariant();

    /// <summary>Redacted on purpose: addresses must never reach logs.</summary>
    public override string ToString() => "EmailAddress { redacted }";
}
