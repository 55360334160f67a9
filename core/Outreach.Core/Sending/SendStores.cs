using Outreach.Core.Introductions;
using Outreach.Core.Planning;
using Outreach.Core.Senders;

namespace Outreach.Core.Sending;

/// <summary>The stores <see cref="TaskSender"/> reads and writes, grouped so its constructor stays readable.</summary>
/// <param name="Tasks">Tasks, replaced ETag-conditionally.</param>
/// <param name="DueIndex">The due index, for a task given back when the day's cap is used.</param>
/// <param name="Suppressions">Suppressions, re-checked at send time and added on a permanent rejection.</param>
/// <param name="Activity">Per-sender daily counts.</param>
/// <param name="Contacts">Contacts, to render the message.</param>
/// <param name="Profiles">Sender profiles.</param>
/// <param name="SentMessages">The Message-ID index replies are matched against.</param>
/// <param name="Templates">The owner's templates with the shipped defaults behind them.</param>
/// <param name="Introductions">Introductions, to fill an introduction's messages (the two people, the reason, B's consent link).</param>
public sealed record SendStores(
    ITaskStore Tasks,
    IDueIndex DueIndex,
    ISuppressionStore Suppressions,
    ISenderActivityStore Activity,
    IContactReader Contacts,
    ISenderProfileStore Profiles,
    ISentMessageLog SentMessages,
    TemplateResolver Templates,
    IIntroductionReader Introductions);
