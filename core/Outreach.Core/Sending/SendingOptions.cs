namespace Outreach.Core.Sending;

/// <summary>How outgoing messages are addressed and when a claim counts as abandoned (configuration section <c>Mail</c>).</summary>
public sealed class SendingOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Mail";

    /// <summary>The app's public base URL; the one-click unsubscribe link is <c>{PublicBaseUrl}api/unsubscribe/{token}</c>.</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://localhost:7071/");

    /// <summary>The domain of reply addresses (<c>reply+&lt;token&gt;@ReplyDomain</c>), or null to let replies go to the sender's mailbox.</summary>
    public string? ReplyDomain { get; set; }

    /// <summary>The mailbox of the <c>mailto:</c> form of List-Unsubscribe, or null for the HTTPS form only.</summary>
    public string? UnsubscribeMailbox { get; set; }

    /// <summary>A claim older than this is treated as abandoned by a crashed attempt: the task goes to needs_review.</summary>
    public TimeSpan StaleClaimAfter { get; set; } = TimeSpan.FromMinutes(10);
}
