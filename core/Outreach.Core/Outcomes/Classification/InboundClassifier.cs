namespace Outreach.Core.Outcomes;

/// <summary>
/// Decides whether an inbound message is a bounce, an auto-reply or a reply. Bounces are checked first:
/// MTAs mark their notifications <c>Auto-Submitted: auto-replied</c> too, and a bounce must not be filed as
/// an out-of-office.
/// </summary>
public static class InboundClassifier
{
    /// <summary>Classifies the message.</summary>
    public static InboundClassification Classify(InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var bounceSignals = BounceDetector.Signals(message);
        if (bounceSignals.Count > 0)
        {
            return new InboundClassification(InboundKind.Bounce, bounceSignals, BounceDetector.Read(message));
        }

        var autoSignals = AutoReplyDetector.Signals(message);
        return autoSignals.Count > 0
            ? new InboundClassification(InboundKind.AutoReply, autoSignals)
            : new InboundClassification(InboundKind.Reply, []);
    }
}
