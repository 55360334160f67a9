namespace Outreach.Core.Outcomes;

/// <summary>
/// Processes one inbound delivery: parse, dedupe key, classify, match, then record the key in the ledger,
/// and say which outcomes to store and which actions to take:
/// <list type="bullet">
/// <item>a reply stops the contact's pending steps;</item>
/// <item>an auto-reply is recorded and stops nothing;</item>
/// <item>a hard bounce stops the contact's steps and suppresses every failed address (even unmatched), or, when it names
/// none that could be read, the matched contact's address (<see cref="SuppressContactAddress"/>); a soft bounce is recorded only;</item>
/// <item>anything unmatched is reported with the reason (<see cref="RecordUnmatched"/>): it names no owner to show it to
/// (or, for <see cref="UnmatchedReason.FromOwner"/>, is the owner's own mail), so the app logs it, without addresses.</item>
/// </list>
/// The ledger is written after the read-only look-ups so a failed look-up leaves the delivery retryable.
/// Recording is a claim the caller completes (<see cref="IInboundLedger.CompleteAsync"/>) after carrying out the result,
/// so a crash between the two leaves a claim the ledger can give to a redelivery. Outcomes carry the same dedupe key,
/// so stores should insert them if absent: processing a delivery twice then records nothing twice.
/// Nothing here logs, and no exception message contains an address or body.
/// </summary>
public sealed class InboundProcessor
{
    private readonly InboundPayloadParser _parser;
    private readonly ReplyMatcher _matcher;
    private readonly IInboundLedger _ledger;

    /// <summary>Creates the processor.</summary>
    public InboundProcessor(InboundPayloadParser parser, ReplyMatcher matcher, IInboundLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(matcher);
        ArgumentNullException.ThrowIfNull(ledger);
        _parser = parser;
        _matcher = matcher;
        _ledger = ledger;
    }

    /// <summary>Processes a SendGrid or Mailgun form post.</summary>
    public Task<InboundProcessingResult> ProcessFormAsync(IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken) =>
        ProcessAsync(_parser.ParseForm(fields).Message, cancellationToken);

    /// <summary>Processes a canonical or Postmark JSON body.</summary>
    public Task<InboundProcessingResult> ProcessJsonAsync(string json, CancellationToken cancellationToken) =>
        ProcessAsync(_parser.ParseJson(json).Message, cancellationToken);

    /// <summary>Processes an already parsed message.</summary>
    public async Task<InboundProcessingResult> ProcessAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var key = DedupeKeys.ForInbound(message);
        var classification = InboundClassifier.Classify(message);
        var match = classification.Bounce is { } bounce
            ? await _matcher.MatchBounceAsync(message, bounce, cancellationToken)
            : await _matcher.MatchReplyAsync(message, cancellationToken);

        if (!await _ledger.TryRecordAsync(key, cancellationToken))
        {
            return new InboundProcessingResult { Status = InboundProcessingStatus.AlreadyProcessed, DedupeKey = key };
        }

        var outcomes = new List<Outcome>();
        var actions = new List<OutcomeAction>();
        if (match.IsMatched)
        {
            var outcome = new Outcome
            {
                OwnerId = match.OwnerId!,
                ContactId = match.ContactId!,
                TaskId = match.TaskId,
                Type = classification.Kind switch
                {
                    InboundKind.Bounce => OutcomeType.Bounced,
                    InboundKind.AutoReply => OutcomeType.AutoReplied,
                    _ => OutcomeType.Replied,
                },
                BounceSeverity = classification.Bounce?.Severity,
                OccurredAt = message.ReceivedAt,
                Source = OutcomeSource.Inbound,
                DedupeKey = key,
            };
            outcomes.Add(outcome);
            if (outcome.StopsSequence)
            {
                actions.Add(new StopPendingSteps(outcome.OwnerId, outcome.ContactId, outcome.Type));
            }
        }
        else
        {
            actions.Add(new RecordUnmatched(key, classification.Kind, match.UnmatchedReason));
        }

        if (classification.Bounce is { Severity: BounceSeverity.Hard } hard)
        {
            actions.AddRange(hard.FailedRecipients.Select(address => new SuppressAddress(address, match.OwnerId, OutcomeType.Bounced)));
            if (hard.FailedRecipients.Count == 0 && match.IsMatched)
            {
                // The notification names no address we could read, but the message it bounced went to the contact.
                actions.Add(new SuppressContactAddress(match.OwnerId!, match.ContactId!, OutcomeType.Bounced));
            }
        }

        return new InboundProcessingResult
        {
            Status = match.IsMatched ? InboundProcessingStatus.Matched : InboundProcessingStatus.Unmatched,
            DedupeKey = key,
            Classification = classification,
            Match = match,
            Outcomes = outcomes,
            Actions = actions,
        };
    }
}
