using Outreach.Core.Outcomes;
using Outreach.Storage.Stores;

namespace Outreach.Functions.Outcomes;

/// <summary>
/// One webhook delivery end to end: parse, resolve reply tokens, process (classify, match, ledger), archive the raw
/// message under the contact, store outcomes and carry out the actions, then mark the ledger's claim done. When archiving
/// or recording fails after the ledger claimed the key, the claim is given back so the service's retry is processed
/// instead of being called a duplicate; a claim never given back or completed goes stale and is taken again.
/// A mail to the <c>mailto:</c> form of List-Unsubscribe (<see cref="UnsubscribeRequest"/>) unsubscribes the contact its
/// token names as the one-click link does (<see cref="UnsubscribeHandler"/>), or, when the token no longer verifies, the
/// contact the reply matcher finds for it: it is never a reply.
/// </summary>
internal sealed class InboundHandler(
    InboundPayloadParser parser,
    ReplyTokenResolver tokens,
    TableStores stores,
    InboundMailArchive archive,
    OutcomeRecorder recorder,
    UnsubscribeHandler unsubscribes)
{
    public async Task<InboundProcessingResult> HandleAsync(InboundBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var message = (body.Form is { } form ? parser.ParseForm(form) : parser.ParseJson(body.Raw)).Message;
        var matcher = new ReplyMatcher(stores.SentMessages, await tokens.ResolveAsync(message, cancellationToken).ConfigureAwait(false), stores.OpenSequences);
        if (UnsubscribeRequest.TokenOf(message) is { } token)
        {
            return await UnsubscribeAsync(message, token, matcher, cancellationToken).ConfigureAwait(false);
        }

        var result = await new InboundProcessor(parser, matcher, stores.InboundLedger).ProcessAsync(message, cancellationToken).ConfigureAwait(false);
        if (result.Status == InboundProcessingStatus.AlreadyProcessed)
        {
            return result;
        }

        await CompleteAsync(result.DedupeKey, async ct =>
        {
            if (result.Match is { IsMatched: true } match)
            {
                await archive.StoreAsync(match.OwnerId!, match.ContactId!, result.DedupeKey, body, ct).ConfigureAwait(false);
            }

            await recorder.RecordAsync(result.Outcomes, result.Actions, ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// A mail to the unsubscribe mailbox asks to stop and is never a reply, also when its token no longer verifies (signed
    /// with a key since retired from the ring, or mangled on the way): then whom it unsubscribes is what the reply matcher
    /// finds for it (the sender's one open sequence), and nobody when it finds nothing.
    /// </summary>
    private async Task<InboundProcessingResult> UnsubscribeAsync(
        InboundMessage message, string token, ReplyMatcher matcher, CancellationToken cancellationToken)
    {
        var key = DedupeKeys.ForInbound(message);
        var classification = new InboundClassification(InboundKind.Unsubscribe, ["subject:unsubscribe-token"]);
        var match = unsubscribes.Verify(token) is { } verified
            ? new MatchResult { Method = MatchMethod.UnsubscribeToken, OwnerId = verified.OwnerId, ContactId = verified.ContactId }
            : await matcher.MatchReplyAsync(message, cancellationToken).ConfigureAwait(false);
        if (!match.IsMatched)
        {
            var unmatched = new RecordUnmatched(key, InboundKind.Unsubscribe, match.UnmatchedReason);
            await recorder.RecordAsync([], [unmatched], cancellationToken).ConfigureAwait(false);
            return new InboundProcessingResult
            {
                Status = InboundProcessingStatus.Unmatched, DedupeKey = key, Classification = classification, Match = match, Actions = [unmatched],
            };
        }

        if (!await stores.InboundLedger.TryRecordAsync(key, cancellationToken).ConfigureAwait(false))
        {
            return new InboundProcessingResult { Status = InboundProcessingStatus.AlreadyProcessed, DedupeKey = key };
        }

        // The mail itself is not archived: it says nothing but the token, and the outcome and suppression record it.
        var target = new ReplyTokenTarget(match.OwnerId!, match.ContactId!, null);
        await CompleteAsync(key, ct => unsubscribes.UnsubscribeAsync(target, ct), cancellationToken).ConfigureAwait(false);
        return new InboundProcessingResult { Status = InboundProcessingStatus.Matched, DedupeKey = key, Classification = classification, Match = match };
    }

    /// <summary>
    /// Runs the writes after the ledger claimed <paramref name="key"/>, then marks it done; gives the claim back when
    /// they fail. Should the give-back fail too, or the process die first, the claim goes stale
    /// (<see cref="global::Outreach.Storage.Stores.Outcomes.TableInboundLedger.ClaimLease"/>) and the service's next retry is processed, not called a duplicate.
    /// </summary>
    private async Task CompleteAsync(string key, Func<CancellationToken, Task> writes, CancellationToken cancellationToken)
    {
        try
        {
            await writes(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            await stores.InboundLedger.RemoveAsync(key, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        await stores.InboundLedger.CompleteAsync(key, cancellationToken).ConfigureAwait(false);
    }
}
