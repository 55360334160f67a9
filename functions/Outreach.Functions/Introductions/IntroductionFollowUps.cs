using Outreach.Core;
using Outreach.Core.Introductions;
using Outreach.Core.Outcomes;
using Outreach.Core.Planning;

namespace Outreach.Functions.Introductions;

/// <summary>
/// The introduction side of recording an outcome: a reply or a meeting booked for A or B of an introduction that was
/// made (introduced, nudged or stalled), or answering its introduction email, and that happened after B said yes, is the
/// follow-up: the introduction completes and a nudge still pending is skipped. An owner has few introductions, so they
/// are listed rather than indexed by contact. An introduction already completed by a follow-up recorded at or after
/// the outcome is looked at again, so a retried outcome finishes skipping the nudge.
/// </summary>
internal sealed partial class IntroductionFollowUps(
    IIntroductionStore introductions, ITaskStore tasks, IntroductionService service, ILogger<IntroductionFollowUps> logger)
{
    /// <summary>A follow-up that lost a race with another event (the nudge timer) is read and applied again this often.</summary>
    private const int Attempts = 3;

    /// <returns>How many introductions the outcome completed.</returns>
    public async Task<int> RecordAsync(Outcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Type is not (OutcomeType.Replied or OutcomeType.MeetingBooked))
        {
            return 0; // an introduction answered is B's consent, not a follow-up; bounces and unsubscribes are no one meeting
        }

        var answered = outcome.TaskId is { } taskId
            ? (await tasks.FindAsync(outcome.OwnerId, taskId, cancellationToken).ConfigureAwait(false))?.IntroductionId
            : null;
        var completed = 0;
        foreach (var introduction in await introductions.ListAsync(outcome.OwnerId, cancellationToken).ConfigureAwait(false))
        {
            var concerned = IntroductionErasure.Names(introduction, outcome.ContactId)
                || string.Equals(introduction.IntroductionId, answered, StringComparison.Ordinal);
            if (concerned && IsFollowUp(introduction, outcome))
            {
                completed += await CompleteAsync(introduction, outcome, cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }
        }

        return completed;
    }

    private static bool IsFollowUp(Introduction introduction, Outcome outcome) => introduction.State switch
    {
        IntroductionState.Introduced or IntroductionState.Nudged or IntroductionState.Stalled => introduction.AnsweredAt <= outcome.OccurredAt,
        IntroductionState.Completed => introduction.FollowedUp && introduction.ClosedAt >= outcome.OccurredAt,
        _ => false,
    };

    private async Task<bool> CompleteAsync(Introduction introduction, Outcome outcome, CancellationToken cancellationToken)
    {
        var current = introduction;
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            try
            {
                var moved = await service.RecordFollowUpAsync(current, cancellationToken).ConfigureAwait(false);
                LogFollowedUp(logger, current.OwnerId, current.IntroductionId, outcome.Type);
                return moved.Version != current.Version;
            }
            catch (DomainException e) when (e.Code == "introduction.changed")
            {
                current = await introductions.GetAsync(current.OwnerId, current.IntroductionId, cancellationToken).ConfigureAwait(false);
                if (current is null || !IsFollowUp(current, outcome))
                {
                    return false;
                }
            }
        }

        throw new InvalidOperationException($"Introduction {introduction.IntroductionId} kept changing while a follow-up was recorded; record the outcome again.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Introduction {IntroductionId} of owner {OwnerId} followed up ({Type}).")]
    private static partial void LogFollowedUp(ILogger logger, string ownerId, string introductionId, OutcomeType type);
}
