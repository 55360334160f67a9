using Outreach.Core.Outcomes;
using Outreach.Core.Planning;
using Outreach.Core.Sending;
using Outreach.Functions.Introductions;
using Outreach.Storage.Stores.Outcomes;

namespace Outreach.Functions.Outcomes;

/// <summary>
/// Stores outcomes (idempotent by dedupe key) and carries out the actions the core returns: stop the contact's pending
/// steps, count a response in the metrics (<see cref="ReplyMetrics"/>), suppress an address, or the matched contact's when a bounce named none (for its owner and its cohort, <see cref="SuppressionCohort"/>, or for every owner who has it when a bounce matched nobody), and note
/// what could not be matched. A reply or meeting with A or B of an introduction that was made completes it, so A is not
/// nudged (<see cref="IntroductionFollowUps"/>). Each step is safe to repeat, so a retried webhook converges on the same state.
/// </summary>
internal sealed partial class OutcomeRecorder(
    IOutcomeStore outcomes,
    PendingStepStopper stopper,
    ISuppressionStore suppressions,
    IContactReader contacts,
    TableContactEmailIndex contactEmails,
    SuppressionCohort cohort,
    ReplyMetrics replies,
    IntroductionFollowUps followUps,
    TimeProvider time,
    ILogger<OutcomeRecorder> logger)
{
    /// <returns>How many outcomes were new.</returns>
    public async Task<int> RecordAsync(IReadOnlyList<Outcome> recorded, IReadOnlyList<OutcomeAction> actions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(actions);
        var added = 0;
        foreach (var outcome in recorded)
        {
            added += await outcomes.AddAsync(outcome, cancellationToken).ConfigureAwait(false) ? 1 : 0;

            // Also for an outcome already stored: a retry after a failure between the two writes must still count it.
            await replies.RecordAsync(outcome, cancellationToken).ConfigureAwait(false);
        }

        foreach (var action in actions)
        {
            switch (action)
            {
                case StopPendingSteps stop:
                    var outcome = recorded.First(o => o.OwnerId == stop.OwnerId && o.ContactId == stop.ContactId && o.Type == stop.Because);
                    var moved = await stopper.ApplyAsync(outcome, cancellationToken).ConfigureAwait(false);
                    LogStopped(outcome.OwnerId, outcome.ContactId, outcome.Type, moved);
                    break;
                case SuppressAddress suppress:
                    await SuppressAsync(suppress, cancellationToken).ConfigureAwait(false);
                    break;
                case SuppressContactAddress suppress:
                    await SuppressContactAsync(suppress, cancellationToken).ConfigureAwait(false);
                    break;
                case RecordUnmatched unmatched:
                    LogUnmatched(unmatched.Kind, unmatched.Reason);
                    break;
                default:
                    throw new InvalidOperationException($"No handler for outcome action {action.GetType().Name}.");
            }
        }

        foreach (var outcome in recorded)
        {
            await followUps.RecordAsync(outcome, cancellationToken).ConfigureAwait(false);
        }

        return added;
    }

    private async Task SuppressAsync(SuppressAddress suppress, CancellationToken cancellationToken)
    {
        IEnumerable<string> owners = suppress.OwnerId is { } owner
            ? await cohort.OwnersSharingAsync(owner, cancellationToken).ConfigureAwait(false)
            : (await contactEmails.FindAsync(suppress.EmailKey, cancellationToken).ConfigureAwait(false)).Select(c => c.OwnerId).Distinct(StringComparer.Ordinal);
        var reason = suppress.Because == OutcomeType.Bounced ? SkipReasons.Bounced : SkipReasons.Unsubscribed;
        foreach (var ownerId in owners)
        {
            // Only the matched owner's unsubscribe names the address (the contact's own, which erasing the contact hashes).
            // A cohort member's copy, and any bounced address (a DSN may name an alias no key of the contact holds), is
            // stored hashed from the start, as no erasure would find it.
            var entry = suppress.Because == OutcomeType.Unsubscribed && string.Equals(ownerId, suppress.OwnerId, StringComparison.Ordinal)
                ? SuppressionEntry.ForEmail(ownerId, suppress.EmailKey, reason, time.GetUtcNow())
                : SuppressionEntry.ForEmailHash(ownerId, suppress.EmailKey, reason, time.GetUtcNow());
            await suppressions.AddAsync(entry, cancellationToken).ConfigureAwait(false);
            LogSuppressed(ownerId, reason);
        }
    }

    private async Task SuppressContactAsync(SuppressContactAddress suppress, CancellationToken cancellationToken)
    {
        // Erased meanwhile, or without an address: nothing to suppress.
        if (await contacts.GetAsync(suppress.OwnerId, suppress.ContactId, cancellationToken).ConfigureAwait(false) is { EmailKey: { Length: > 0 } emailKey })
        {
            await SuppressAsync(new SuppressAddress(emailKey, suppress.OwnerId, suppress.Because), cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outcome {Type} for owner {OwnerId}, contact {ContactId}: {Moved} pending task(s) stopped.")]
    private partial void LogStopped(string ownerId, string contactId, OutcomeType type, int moved);

    [LoggerMessage(Level = LogLevel.Information, Message = "Suppressed an address for owner {OwnerId} ({Reason}).")]
    private partial void LogSuppressed(string ownerId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbound {Kind} matched no task ({Reason}).")]
    private partial void LogUnmatched(InboundKind kind, UnmatchedReason reason);
}
