namespace Outreach.Storage.Stores;

/// <summary>
/// The table each store uses. Defaults match <c>Campaigns/README.md</c>; bind a configuration section over them to
/// run several environments in one account (e.g. a <c>Test</c> prefix).
/// </summary>
public sealed class StoreTableNames
{
    /// <summary>Planned and sent tasks, one partition per owner. Default <c>Tasks</c>.</summary>
    public string Tasks { get; set; } = "Tasks";

    /// <summary>The due index, one partition per 5-minute bucket. Default <c>DueIndex</c>.</summary>
    public string DueIndex { get; set; } = "DueIndex";

    /// <summary>Suppressions, one partition per owner. Default <c>Suppressions</c>.</summary>
    public string Suppressions { get; set; } = "Suppressions";

    /// <summary>Per-owner sending counts. Default <c>SenderActivity</c>.</summary>
    public string SenderActivity { get; set; } = "SenderActivity";

    /// <summary>The dispatcher's scan cursor. Default <c>DispatchCursor</c>.</summary>
    public string DispatchCursor { get; set; } = "DispatchCursor";

    /// <summary>Campaigns, one partition per owner. Default <c>Campaigns</c>.</summary>
    public string Campaigns { get; set; } = "Campaigns";

    /// <summary>Sender profiles, one row per owner. Default <c>Senders</c>.</summary>
    public string Senders { get; set; } = "Senders";

    /// <summary>Metric counters, their dedupe markers and erasure index. Default <c>MetricCounters</c>.</summary>
    public string Counters { get; set; } = "MetricCounters";

    /// <summary>Contacts, one partition per owner. Default <c>Contacts</c>.</summary>
    public string Contacts { get; set; } = "Contacts";

    /// <summary>Contact de-duplication keys (email, LinkedIn URL, name + company) → contact id. Default <c>ContactKeys</c>.</summary>
    public string ContactKeys { get; set; } = "ContactKeys";

    /// <summary>Sent Message-IDs → task, for reply matching. Default <c>SentMessages</c>.</summary>
    public string SentMessages { get; set; } = "SentMessages";

    /// <summary>Owners' custom templates. Default <c>Templates</c>.</summary>
    public string Templates { get; set; } = "Templates";

    /// <summary>Outcomes (replies, bounces, unsubscribes, manual), one partition per owner. Default <c>Outcomes</c>.</summary>
    public string Outcomes { get; set; } = "Outcomes";

    /// <summary>Hashed keys of processed inbound deliveries (webhook idempotency). Default <c>InboundLedger</c>.</summary>
    public string InboundLedger { get; set; } = "InboundLedger";

    /// <summary>Hashed contact address → owners' contacts (reply matching by sender). Default <c>ContactEmails</c>.</summary>
    public string ContactEmails { get; set; } = "ContactEmails";

    /// <summary>Contact imports (status, counts), one partition per owner. Default <c>Imports</c>.</summary>
    public string Imports { get; set; } = "Imports";

    /// <summary>Pay-it-forward introductions, one partition per owner. Default <c>Introductions</c>.</summary>
    public string Introductions { get; set; } = "Introductions";

    /// <summary>Every table name, in the order above.</summary>
    public IReadOnlyList<string> All =>
        [Tasks, DueIndex, Suppressions, SenderActivity, DispatchCursor, Campaigns, Senders, Counters, Contacts, ContactKeys, SentMessages, Templates, Outcomes, InboundLedger, ContactEmails, Imports, Introductions];
}
