using Outreach.Core.Outcomes;
using Outreach.Storage.Stores;

namespace Outreach.Functions.Outcomes;

/// <summary>
/// One webhook delivery end to end: parse, resolve reply tokens, process (classify, match, ledger), archive the raw
/// message under the contact, store outcomes and carry out the actions, then mark the ledger's claim done. When archiving
/// or recording fails after the ledger claimed the key, the claim is given back so the service's retry is processed
/// instead of being called a duplicate; a claim never given back or completed goes stale and is taken again.
/// A mail to the <c>mailto:</c> form of List-Unsubscribe (<see cref="UnsubscribeRequest"/>) whose token verifies
/// unsubscribes the contact as the one-click link does (<see cref="UnsubscribeHandler"/>): it is not a reply.
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
        if (UnsubscribeRequest.TokenOf(message) is { } token && unsubscribes.Verify(token) is { } target)
        {
            return await UnsubscribeAsync(message, token, target, cancellationToken).ConfigureAwait(false);
        }

        var matcher = new ReplyMatcher(stores.SentMessages, await tokens.ResolveAsync(message, cancellationToken).ConfigureAwait(false), stores.OpenSequences);
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

    private async Task<InboundProcessingResult> UnsubscribeAsync(
        InboundMessage message, string token, ReplyTokenTarget target, CancellationToken cancellationToken)
    {
        var key = DedupeKeys.ForInbound(message);
        if (!await stores.InboundLedger.TryRecordAsync(key, cancellationToken).ConfigureAwait(false))
        {
            return new InboundProcessingResult { Status = InboundProcessingStatus.AlreadyProcessed, DedupeKey = key };
        }

        // The mail itself is not archived: it says nothing but the token, and the outcome and suppression record it.
        await CompleteAsync(key, ct => unsubscribes.UnsubscribeAsync(token, ct), cancellationToken).ConfigureAwait(false);
        return new InboundProcessingResult
        {
            Status = InboundProcessingStatus.Matched,
            DedupeKey = key,
            Classification = new InboundClassification(InboundKind.Unsubscribe, ["subject:unsubscribe-token"]),
            Match = new MatchResult { Method = MatchMethod.UnsubscribeToken, OwnerId = target.OwnerId, ContactId = target.ContactId },
        };
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
