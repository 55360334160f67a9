using Outreach.Core.Outcomes;
using Outreach.Storage.Stores;

namespace Outreach.Functions.Outcomes;

/// <summary>
/// One webhook delivery end to end: parse, resolve reply tokens, process (classify, match, ledger), archive the raw
/// message under the contact, store outcomes and carry out the actions. When archiving or recording fails after the
/// ledger took the key, the key is given back so the service's retry is processed instead of being called a duplicate.
/// </summary>
internal sealed class InboundHandler(
    InboundPayloadParser parser,
    ReplyTokenResolver tokens,
    TableStores stores,
    InboundMailArchive archive,
    OutcomeRecorder recorder)
{
    public async Task<InboundProcessingResult> HandleAsync(InboundBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var message = (body.Form is { } form ? parser.ParseForm(form) : parser.ParseJson(body.Raw)).Message;
        var matcher = new ReplyMatcher(stores.SentMessages, await tokens.ResolveAsync(message, cancellationToken).ConfigureAwait(false), stores.OpenSequences);
        var result = await new InboundProcessor(parser, matcher, stores.InboundLedger).ProcessAsync(message, cancellationToken).ConfigureAwait(false);
        if (result.Status == InboundProcessingStatus.AlreadyProcessed)
        {
            return result;
        }

        try
        {
            if (result.Match is { IsMatched: true } match)
            {
                await archive.StoreAsync(match.OwnerId!, match.ContactId!, result.DedupeKey, body, cancellationToken).ConfigureAwait(false);
            }

            await recorder.RecordAsync(result.Outcomes, result.Actions, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            await stores.InboundLedger.RemoveAsync(result.DedupeKey, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        return result;
    }
}
