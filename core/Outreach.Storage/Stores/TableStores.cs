using Outreach.Storage.Stores.Analytics;
using Outreach.Storage.Stores.Campaigns;
using Outreach.Storage.Stores.Contacts;
using Outreach.Storage.Stores.Introductions;
using Outreach.Storage.Stores.Outcomes;
using Outreach.Storage.Stores.Planning;
using Outreach.Storage.Stores.Senders;
using Outreach.Storage.Stores.Sending;

namespace Outreach.Storage.Stores;

/// <summary>
/// Every table-backed store of one storage account, ready to register as the core interfaces
/// (<c>ITaskStore</c>, <c>IDueIndex</c>, <c>ISuppressionStore</c>, <c>ISenderActivityStore</c>, <c>IDispatchCursorStore</c>,
/// <c>ICampaignStore</c>, <c>ISenderProfileStore</c>, <c>ICounterStore</c>, contacts, sent messages, templates, outcomes, the inbound ledger, open sequences, introductions, campaign shares). Call <see cref="CreateTablesAsync"/> once at startup.
/// </summary>
public sealed class TableStores
{
    private readonly StorageAccount _account;
    private readonly StoreTableNames _names;

    /// <summary>Stores over <paramref name="account"/>'s tables named by <paramref name="names"/> (defaults when null).</summary>
    /// <param name="account">The storage account.</param>
    /// <param name="names">The table names, or the defaults.</param>
    /// <param name="time">The clock of stores that age what they hold (the inbound ledger's claims); the system clock when null.</param>
    public TableStores(StorageAccount account, StoreTableNames? names = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        _account = account;
        _names = names ?? new StoreTableNames();
        Tasks = new TableTaskStore(account.GetTable(_names.Tasks));
        DueIndex = new TableDueIndex(account.GetTable(_names.DueIndex));
        Suppressions = new TableSuppressionStore(account.GetTable(_names.Suppressions));
        SenderActivity = new TableSenderActivityStore(account.GetTable(_names.SenderActivity));
        DispatchCursor = new TableDispatchCursorStore(account.GetTable(_names.DispatchCursor));
        SendSweepCursor = new TableDispatchCursorStore(account.GetTable(_names.DispatchCursor), TableDispatchCursorStore.SendSweepScan);
        Campaigns = new TableCampaignStore(account.GetTable(_names.Campaigns));
        Senders = new TableSenderProfileStore(account.GetTable(_names.Senders));
        Counters = new TableCounterStore(account.GetTable(_names.Counters));
        ContactEmails = new TableContactEmailIndex(account.GetTable(_names.ContactEmails));
        Contacts = new TableContactStore(account.GetTable(_names.Contacts), account.GetTable(_names.ContactKeys), ContactEmails);
        SentMessages = new TableSentMessageIndex(account.GetTable(_names.SentMessages));
        Templates = new TableTemplateStore(account.GetTable(_names.Templates));
        Outcomes = new TableOutcomeStore(account.GetTable(_names.Outcomes));
        InboundLedger = new TableInboundLedger(account.GetTable(_names.InboundLedger), time);
        OpenSequences = new TableOpenSequenceIndex(ContactEmails, Tasks, SentMessages);
        Introductions = new TableIntroductionStore(account.GetTable(_names.Introductions));
        CampaignShares = new TableCampaignShares(account.GetTable(_names.Campaigns));
    }

    /// <summary>The outcome store.</summary>
    public TableOutcomeStore Outcomes { get; }

    /// <summary>The inbound-delivery ledger.</summary>
    public TableInboundLedger InboundLedger { get; }

    /// <summary>Hashed contact address → owners' contacts.</summary>
    public TableContactEmailIndex ContactEmails { get; }

    /// <summary>Open sequences by contact address.</summary>
    public TableOpenSequenceIndex OpenSequences { get; }

    /// <summary>The contact store (directory, sink and point reads).</summary>
    public TableContactStore Contacts { get; }

    /// <summary>The sent-message index.</summary>
    public TableSentMessageIndex SentMessages { get; }

    /// <summary>The custom template store.</summary>
    public TableTemplateStore Templates { get; }

    /// <summary>The introduction store.</summary>
    public TableIntroductionStore Introductions { get; }

    /// <summary>Which coach campaigns are shared with which client (rows in the campaigns table).</summary>
    public TableCampaignShares CampaignShares { get; }

    /// <summary>The task store.</summary>
    public TableTaskStore Tasks { get; }

    /// <summary>The due index.</summary>
    public TableDueIndex DueIndex { get; }

    /// <summary>The suppression store.</summary>
    public TableSuppressionStore Suppressions { get; }

    /// <summary>The sender-activity store.</summary>
    public TableSenderActivityStore SenderActivity { get; }

    /// <summary>The dispatch cursor.</summary>
    public TableDispatchCursorStore DispatchCursor { get; }

    /// <summary>The stuck-send sweeper's scan cursor (a second row of the dispatch-cursor table).</summary>
    public TableDispatchCursorStore SendSweepCursor { get; }

    /// <summary>The campaign store.</summary>
    public TableCampaignStore Campaigns { get; }

    /// <summary>The sender-profile store.</summary>
    public TableSenderProfileStore Senders { get; }

    /// <summary>The metric counter store.</summary>
    public TableCounterStore Counters { get; }

    /// <summary>Creates every table that does not exist yet.</summary>
    public async Task CreateTablesAsync(CancellationToken cancellationToken)
    {
        foreach (var name in _names.All)
        {
            await _account.GetTable(name).CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
