namespace Outreach.Core.Messaging.Delivery;

/// <summary>
/// The two unsubscribe routes of a message (RFC 2369 <c>List-Unsubscribe</c>, RFC 8058 one-click): an HTTPS URL
/// that a mail client POSTs <c>List-Unsubscribe=One-Click</c> to, and optionally a <c>mailto:</c>.
/// </summary>
public sealed record UnsubscribeLinks
{
    /// <summary>Creates the links; the one-click URL must be HTTPS (plain HTTP is accepted for loopback only, for local runs).</summary>
    public UnsubscribeLinks(Uri oneClick, Uri? mailto = null)
    {
        ArgumentNullException.ThrowIfNull(oneClick);
        if (!oneClick.IsAbsoluteUri || !(oneClick.Scheme == Uri.UriSchemeHttps || (oneClick.Scheme == Uri.UriSchemeHttp && oneClick.IsLoopback)))
        {
            throw new ArgumentException("The one-click unsubscribe URL must be absolute HTTPS (RFC 8058).", nameof(oneClick));
        }

        if (mailto is not null && (!mailto.IsAbsoluteUri || mailto.Scheme != Uri.UriSchemeMailto))
        {
            throw new ArgumentException("The unsubscribe mailto must be a mailto: URI.", nameof(mailto));
        }

        OneClick = oneClick;
        Mailto = mailto;
    }

    /// <summary>The HTTPS endpoint, e.g. <c>https://app.example/api/unsubscribe/TOKEN</c>.</summary>
    public Uri OneClick { get; }

    /// <summary>The mailto route, e.g. <c>mailto:unsubscribe@example.org?subject=unsubscribe%20TOKEN</c>, or null.</summary>
    public Uri? Mailto { get; }

    /// <summary>The <c>List-Unsubscribe</c> header value: <c>&lt;mailto:…&gt;, &lt;https://…&gt;</c>.</summary>
    public string ListUnsubscribeHeader => Mailto is null
        ? $"<{OneClick.AbsoluteUri}>"
        : $"<{Mailto.AbsoluteUri}>, <{OneClick.AbsoluteUri}>";

    /// <summary>The <c>List-Unsubscribe-Post</c> header value RFC 8058 requires.</summary>
    public static string ListUnsubscribePostHeader => "List-Unsubscribe=One-Click";

    /// <summary>
    /// The links for <paramref name="token"/>: <c>{appBaseUrl}api/unsubscribe/{token}</c> (the base's path kept, with or
    /// without a final slash), and a mailto to
    /// <paramref name="mailbox"/> with the token in the subject when a mailbox is given.
    /// </summary>
    public static UnsubscribeLinks For(Uri appBaseUrl, string token, string? mailbox = null)
    {
        ArgumentNullException.ThrowIfNull(appBaseUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        var oneClick = Sending.PublicUrls.Under(appBaseUrl, "api/unsubscribe/" + Uri.EscapeDataString(token));
        var mailto = mailbox is null ? null : new Uri($"mailto:{mailbox}?subject={Uri.EscapeDataString("unsubscribe " + token)}");
        return new UnsubscribeLinks(oneClick, mailto);
    }
}
