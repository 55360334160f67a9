namespace Outreach.Core.Outcomes;

/// <summary>
/// Builds what an unsubscribe (signed link or RFC 8058 one-click post, verified by the caller) records:
/// one outcome per contact however often the link is used, and the actions to stop and suppress.
/// </summary>
public static class UnsubscribeOutcome
{
    /// <summary>The outcome and actions for an unsubscribe.</summary>
    /// <param name="target">Owner, contact and task from the verified token.</param>
    /// <param name="emailKey">The contact's lower-cased address, when known, to suppress.</param>
    /// <param name="time">The clock.</param>
    public static (Outcome Outcome, IReadOnlyList<OutcomeAction> Actions) Create(ReplyTokenTarget target, string? emailKey, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(time);
        var outcome = new Outcome
        {
            OwnerId = target.OwnerId,
            ContactId = target.ContactId,
            TaskId = target.TaskId,
            Type = OutcomeType.Unsubscribed,
            OccurredAt = time.GetUtcNow(),
            Source = OutcomeSource.UnsubscribeLink,
            DedupeKey = DedupeKeys.ForUnsubscribe(target.OwnerId, target.ContactId),
        };
        List<OutcomeAction> actions = [new StopPendingSteps(target.OwnerId, target.ContactId, OutcomeType.Unsubscribed)];
        if (!string.IsNullOrWhiteSpace(emailKey))
        {
            actions.Add(new SuppressAddress(emailKey.Trim().ToLowerInvariant(), target.OwnerId, OutcomeType.Unsubscribed));
        }

        return (outcome, actions);
    }
}
