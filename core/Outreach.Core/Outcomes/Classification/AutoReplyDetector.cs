namespace Outreach.Core.Outcomes;

/// <summary>
/// Recognises machine answers that must not count as replies (listmonk #2358: OOO not classified).
/// Strong evidence alone is enough: RFC 3834 <c>Auto-Submitted</c> other than <c>no</c>, <c>X-Autoreply</c>,
/// <c>X-Autorespond</c>, <c>Precedence: auto_reply/bulk/junk</c>, a read-receipt report, or a subject that
/// starts with an auto-reply prefix ("Automatic reply:", "Abwesenheitsnotiz:", ...). Weak evidence
/// (<c>X-Auto-Response-Suppress</c>, which Exchange puts on its OOO answers but other software sets too;
/// <c>X-MS-Exchange-Inbox-Rules-Loop</c>, also on rule-forwarded human mail; an out-of-office phrase inside a
/// subject) needs a second weak signal. The body is never read: people write "I was out of office" in real replies.
/// </summary>
public static class AutoReplyDetector
{
    /// <summary>The signals that fired; the message is an auto-reply when <see cref="IsAutoReply"/> says so.</summary>
    public static IReadOnlyList<string> Signals(InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var headers = message.Headers;
        var strong = new List<string>();
        if (headers.Get("Auto-Submitted") is { } autoSubmitted && !FirstToken(autoSubmitted).Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            strong.Add("header:Auto-Submitted");
        }

        foreach (var name in new[] { "X-Autoreply", "X-Autorespond", "X-Autoresponder" })
        {
            if (headers.Get(name) is { } value && !IsNegative(value))
            {
                strong.Add("header:" + name);
            }
        }

        if (headers.Get("Precedence") is { } precedence && FirstToken(precedence).ToUpperInvariant() is "AUTO_REPLY" or "BULK" or "JUNK")
        {
            strong.Add("header:Precedence");
        }

        if (ContentTypes.IsReport(headers, "disposition-notification"))
        {
            strong.Add("content-type:disposition-notification");
        }

        if (SubjectPatterns.AutoReplyPrefixes.StartsAny(message.Subject))
        {
            strong.Add("subject:auto-reply-prefix");
        }

        var weak = new List<string>();
        if (headers.Contains("X-Auto-Response-Suppress"))
        {
            weak.Add("header:X-Auto-Response-Suppress");
        }

        if (headers.Contains("X-MS-Exchange-Inbox-Rules-Loop"))
        {
            weak.Add("header:X-MS-Exchange-Inbox-Rules-Loop");
        }

        if (strong.Count == 0 && SubjectPatterns.AutoReplyPhrases.ContainedIn(message.Subject))
        {
            weak.Add("subject:out-of-office-phrase");
        }

        return strong.Count > 0 || weak.Count >= 2 ? [.. strong, .. weak] : [];
    }

    /// <summary>Whether the message is an automatic answer.</summary>
    public static bool IsAutoReply(InboundMessage message) => Signals(message).Count > 0;

    private static string FirstToken(string value) => value.Split(';', '(')[0].Trim();

    private static bool IsNegative(string value) => FirstToken(value).ToUpperInvariant() is "NO" or "FALSE" or "0";
}
