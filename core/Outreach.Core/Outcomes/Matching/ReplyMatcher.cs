namespace Outreach.Core.Outcomes;

/// <summary>
/// Ties an inbound message to the task it answers. Tries, in order: (1) Message-IDs we sent, In-Reply-To
/// first, then References newest to oldest, because Gmail and Outlook sometimes drop or rewrite
/// In-Reply-To but keep References (mautic #6724); (2) a signed token in a plus-addressed recipient
/// (To, Cc, then envelope recipients); (3) the sender's address, only when exactly one owner and contact have an
/// open sequence with it, or, when several do (classmates who met the same recruiter), exactly one of them last wrote
/// to the contact from an address the message was sent to. Anything else is unmatched with a reason, never guessed.
/// </summary>
public sealed class ReplyMatcher
{
    private readonly ISentMessageIndex _sent;
    private readonly IReplyTokenDecoder _tokens;
    private readonly IOpenSequenceIndex _openSequences;

    /// <summary>Creates a matcher over the three look-ups.</summary>
    public ReplyMatcher(ISentMessageIndex sent, IReplyTokenDecoder tokens, IOpenSequenceIndex openSequences)
    {
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(openSequences);
        _sent = sent;
        _tokens = tokens;
        _openSequences = openSequences;
    }

    /// <summary>Matches a reply or auto-reply.</summary>
    public Task<MatchResult> MatchReplyAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var ids = message.InReplyTo.Select(id => (id, MatchMethod.InReplyTo))
            .Concat(message.References.Reverse().Select(id => (id, MatchMethod.References)));
        return MatchAsync(ids, [.. Recipients(message)], message.From?.Key, cancellationToken);
    }

    /// <summary>
    /// Matches a bounce: by the original Message-ID quoted in it, then a token in the address it came back to
    /// (a VERP-style return path), then the failed recipient's open sequence.
    /// </summary>
    public Task<MatchResult> MatchBounceAsync(InboundMessage message, BounceReport bounce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(bounce);
        var ids = bounce.OriginalMessageId is { } original ? [(original, MatchMethod.BouncedMessageId)] : Array.Empty<(string, MatchMethod)>();
        var failed = bounce.FailedRecipients is [var first, ..] ? first : null;
        return MatchAsync(ids, [.. Recipients(message)], failed, cancellationToken);
    }

    /// <summary>The token of a plus-addressed address (<c>reply+TOKEN@domain</c> gives <c>TOKEN</c>), or null.</summary>
    public static string? PlusToken(EmailAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var local = address.LocalPart;
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 && plus < local.Length - 1 ? local[(plus + 1)..] : null;
    }

    private async Task<MatchResult> MatchAsync(
        IEnumerable<(string Id, MatchMethod Method)> messageIds,
        IReadOnlyList<EmailAddress> recipients,
        string? senderKey,
        CancellationToken cancellationToken)
    {
        foreach (var (id, method) in messageIds)
        {
            if (await _sent.FindByMessageIdAsync(id, cancellationToken) is { } sent)
            {
                if (sent.SenderEmailKey is not null && string.Equals(sent.SenderEmailKey, senderKey, StringComparison.Ordinal))
                {
                    return MatchResult.Unmatched(UnmatchedReason.FromOwner);
                }

                return new MatchResult { Method = method, OwnerId = sent.OwnerId, ContactId = sent.ContactId, TaskId = sent.TaskId, MatchedMessageId = id };
            }
        }

        foreach (var recipient in recipients)
        {
            if (PlusToken(recipient) is { } token && _tokens.TryDecode(token, out var target))
            {
                return new MatchResult { Method = MatchMethod.ReplyToken, OwnerId = target.OwnerId, ContactId = target.ContactId, TaskId = target.TaskId };
            }
        }

        if (string.IsNullOrEmpty(senderKey))
        {
            return MatchResult.Unmatched(UnmatchedReason.NoCandidate);
        }

        var open = await _openSequences.FindOpenByContactEmailAsync(senderKey, cancellationToken);
        var contacts = open.DistinctBy(s => (s.OwnerId, s.ContactId)).ToList();
        if (contacts.Count > 1)
        {
            // Several owners (or contacts) have this sender in an open sequence: only the recipients can tell them apart.
            var addressed = recipients.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
            var answered = open.Where(s => s.SenderEmailKey is { } from && addressed.Contains(from)).DistinctBy(s => (s.OwnerId, s.ContactId)).ToList();
            return answered is [var chosen] ? Matched(MatchMethod.SenderAndRecipient, chosen, open) : MatchResult.Unmatched(UnmatchedReason.AmbiguousSender);
        }

        return contacts is [var only] ? Matched(MatchMethod.SenderOpenSequence, only, open) : MatchResult.Unmatched(UnmatchedReason.NoCandidate);
    }

    /// <summary>A match to <paramref name="sequence"/>'s owner and contact, on the last task sent to them, if any.</summary>
    private static MatchResult Matched(MatchMethod method, OpenSequence sequence, IReadOnlyList<OpenSequence> open) => new()
    {
        Method = method,
        OwnerId = sequence.OwnerId,
        ContactId = sequence.ContactId,
        TaskId = open.Where(s => s.OwnerId == sequence.OwnerId && s.ContactId == sequence.ContactId)
            .Select(s => s.LastSentTaskId).FirstOrDefault(t => t is not null),
    };

    private static IEnumerable<EmailAddress> Recipients(InboundMessage message) =>
        message.To.Concat(message.Cc).Concat(message.DeliveredTo);
}
