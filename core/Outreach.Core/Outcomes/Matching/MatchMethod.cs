namespace Outreach.Core.Outcomes;

/// <summary>How an inbound message was tied to a task, most to least reliable.</summary>
public enum MatchMethod
{
    /// <summary>Not matched; see <see cref="MatchResult.UnmatchedReason"/>.</summary>
    None,

    /// <summary>In-Reply-To named a Message-ID we sent.</summary>
    InReplyTo,

    /// <summary>References named a Message-ID we sent (In-Reply-To missing or unknown, as after Gmail/Outlook rewriting).</summary>
    References,

    /// <summary>The original Message-ID quoted inside a bounce named a message we sent.</summary>
    BouncedMessageId,

    /// <summary>A signed token in a plus-addressed recipient (<c>reply+TOKEN@domain</c>).</summary>
    ReplyToken,

    /// <summary>The sender's (or bounced recipient's) address has exactly one owner's open sequence.</summary>
    SenderOpenSequence,

    /// <summary>
    /// The sender's address has open sequences with several owners (or contacts), but exactly one of them last wrote to
    /// the contact from an address the message was sent to (the contact wrote afresh to that owner's mailbox).
    /// </summary>
    SenderAndRecipient,

    /// <summary>The signed unsubscribe token in the subject of a mail to the <c>mailto:</c> unsubscribe address (<see cref="UnsubscribeRequest"/>).</summary>
    UnsubscribeToken,
}
