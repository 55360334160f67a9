namespace Outreach.Core.Messaging.Delivery;

/// <summary>
/// The <c>In-Reply-To</c> and <c>References</c> headers (RFC 5322 §3.6.4) that put a message in the same conversation
/// as the messages sent before it: every mail client threads by them, so a follow-up shows under the thank-you it
/// follows instead of as a new conversation. <see cref="InReplyTo"/> is the latest earlier message; <see cref="References"/>
/// lists the earlier ones oldest first, at most <see cref="MaxReferences"/>, keeping the first (the thread's root)
/// and the most recent ones as RFC 5322 suggests when a list is cut.
/// </summary>
public sealed record ThreadHeaders
{
    /// <summary>
    /// The most Message-IDs <see cref="References"/> holds: a campaign may have up to 100 steps, and ten ids (about 450
    /// characters) keep the header far below the 998-character line limit while every client still finds the thread.
    /// </summary>
    public const int MaxReferences = 10;

    private ThreadHeaders(string inReplyTo, IReadOnlyList<string> references)
    {
        InReplyTo = inReplyTo;
        References = references;
    }

    /// <summary>The <c>In-Reply-To</c> value: the Message-ID of the latest earlier message, angle brackets included.</summary>
    public string InReplyTo { get; }

    /// <summary>The earlier Message-IDs, oldest first, ending with <see cref="InReplyTo"/>.</summary>
    public IReadOnlyList<string> References { get; }

    /// <summary>The <c>References</c> header value: the ids separated by single spaces (where transports may fold it).</summary>
    public string ReferencesHeader => string.Join(' ', References);

    /// <summary>
    /// The headers of a message that follows <paramref name="earlierMessageIds"/> (oldest first), or null when there is
    /// none: the first message of a conversation carries neither header. Ids that are not <c>&lt;left@right&gt;</c>
    /// (<see cref="MessageIds.IsValid"/>) and repeats are left out, so a stored value can never forge a header.
    /// </summary>
    /// <param name="earlierMessageIds">The Message-IDs of the messages sent before, oldest first.</param>
    public static ThreadHeaders? After(IEnumerable<string?> earlierMessageIds)
    {
        ArgumentNullException.ThrowIfNull(earlierMessageIds);
        var ids = earlierMessageIds.Where(MessageIds.IsValid).Select(id => id!).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return null;
        }

        IReadOnlyList<string> references = ids.Count <= MaxReferences ? ids : [ids[0], .. ids[^(MaxReferences - 1)..]];
        return new ThreadHeaders(ids[^1], references);
    }
}
