using Outreach.Core.Campaigns;
using Outreach.Core.Contacts;
using Outreach.Core.Planning;
using Outreach.Core.Scoring.History;
using Outreach.Core.Senders;

namespace Outreach.Functions.Scoring;

/// <summary>What one owner's tasks are described with: the sender's zone, the contacts and the campaigns' step order.</summary>
/// <param name="zone">The sender's zone (weekday and hour features are local).</param>
/// <param name="contacts">The owner's contacts by id (the ones the tasks name).</param>
/// <param name="campaigns">The owner's campaigns by id (stored or default).</param>
/// <param name="sender">The owner's sender profile, which a draft is rendered with; null when they have none.</param>
internal sealed class OwnerFeatureContext(
    TimeZoneInfo zone, IReadOnlyDictionary<string, Contact> contacts, IReadOnlyDictionary<string, Campaign> campaigns, SenderProfile? sender = null)
{
    /// <summary>The owner's sender profile, or null when they have none.</summary>
    public SenderProfile? Sender => sender;

    /// <summary>The task's main recipient, or null when erased or never imported.</summary>
    public Contact? ContactOf(OutreachTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return contacts.GetValueOrDefault(task.ContactId);
    }

    /// <summary>The task's features when sent at <paramref name="sendAtUtc"/>.</summary>
    public OutreachFeatures Describe(OutreachTask task, DateTimeOffset sendAtUtc)
    {
        ArgumentNullException.ThrowIfNull(task);
        contacts.TryGetValue(task.ContactId, out var contact);
        return TaskFeatureMapping.For(task, contact, StepOf(task), TimeZoneInfo.ConvertTime(sendAtUtc, zone));
    }

    /// <summary>The task's position in its campaign (1-based); 1 when the campaign or step is gone.</summary>
    private int StepOf(OutreachTask task) =>
        campaigns.TryGetValue(task.CampaignId, out var campaign)
            ? Math.Max(0, campaign.Steps.ToList().FindIndex(s => string.Equals(s.StepId, task.StepId, StringComparison.Ordinal))) + 1
            : 1;
}
