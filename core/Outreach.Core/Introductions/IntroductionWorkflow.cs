using System.Security.Cryptography;
using System.Text;

namespace Outreach.Core.Introductions;

/// <summary>
/// The double opt-in introduction as a state machine. Request → consent ask to B → B says yes (introduce A and B,
/// introducer in copy), no (declined; A is not told), or nothing before the deadline (expired) → after an introduction,
/// a nudge to A if nobody followed up within <see cref="IntroductionPolicy.NudgeAfter"/> of the introduction email going
/// out (<see cref="NudgeAfterEmail"/>), or stalled instead when the introduction email never went out (<see cref="Stall"/>) → completed on a follow-up or when the introducer closes it. Repeating an event that already took effect (the same answer twice, a timer firing
/// twice) changes nothing and sends nothing; any other move from the current state is rejected with a
/// <see cref="DomainException"/> (code <c>introduction.invalid-transition</c> unless a more specific one applies).
/// </summary>
public sealed class IntroductionWorkflow
{
    private readonly TimeProvider _time;
    private readonly IntroductionPolicy _policy;

    /// <summary>A workflow with the given clock and delays.</summary>
    public IntroductionWorkflow(TimeProvider time, IntroductionPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _policy = (policy ?? new IntroductionPolicy()).EnsureValid();
    }

    /// <summary>Creates an introduction and plans the consent ask to B.</summary>
    /// <param name="introductionId">Id unique within the owner.</param>
    /// <param name="ownerId">The introducer.</param>
    /// <param name="personAContactId">A, who wants to meet B.</param>
    /// <param name="personBContactId">B, who is asked first.</param>
    /// <param name="reason">Why they should meet.</param>
    /// <param name="consentToken">The secret for B's consent link (at least 16 characters; generate it randomly).</param>
    /// <exception cref="DomainException">A missing field, A and B the same person, or a short token (target names the field).</exception>
    public IntroductionTransition Request(
        string introductionId, string ownerId, string personAContactId, string personBContactId, string reason, string consentToken)
    {
        Require(introductionId, "introductionId");
        Require(ownerId, "ownerId");
        Require(personAContactId, "personAContactId");
        Require(personBContactId, "personBContactId");
        Require(reason, "reason");
        if (string.Equals(personAContactId, personBContactId, StringComparison.Ordinal))
        {
            throw new DomainException("introduction.invalid", "An introduction needs two different people: A and B are the same contact.", "personBContactId");
        }

        if (consentToken is null || consentToken.Length < 16)
        {
            throw new DomainException("introduction.invalid", "The consent token must be at least 16 characters.", "consentToken");
        }

        var now = _time.GetUtcNow();
        var introduction = new Introduction
        {
            IntroductionId = introductionId,
            OwnerId = ownerId,
            PersonAContactId = personAContactId,
            PersonBContactId = personBContactId,
            Reason = reason.Trim(),
            ConsentToken = consentToken,
            State = IntroductionState.AwaitingConsent,
            RequestedAt = now,
            ConsentDeadline = now + _policy.ConsentWindow,
        };
        return new IntroductionTransition(introduction, [new SendConsentAsk(introductionId, personBContactId)]);
    }

    /// <summary>Records B's answer. Yes plans the introduction; no declines quietly.</summary>
    /// <exception cref="DomainException">
    /// <c>introduction.not-allowed</c> (responder is neither B's token nor the owner), <c>introduction.consent-expired</c>
    /// (deadline passed or expired), <c>introduction.contradicting-answer</c> (the other answer was already final),
    /// <c>introduction.invalid-transition</c> (cancelled).
    /// </exception>
    public IntroductionTransition RecordAnswer(Introduction introduction, ConsentAnswer answer, ConsentResponder responder)
    {
        ArgumentNullException.ThrowIfNull(introduction);
        ArgumentNullException.ThrowIfNull(responder);
        EnsureMayAnswer(introduction, responder);
        var now = _time.GetUtcNow();
        switch (introduction.State)
        {
            case IntroductionState.AwaitingConsent or IntroductionState.Stalled when introduction.Answer is null && now >= introduction.ConsentDeadline:
            case IntroductionState.Expired:
                throw new DomainException(
                    "introduction.consent-expired",
                    $"Introduction '{introduction.IntroductionId}' expired at {introduction.ConsentDeadline:u}; ask again with a new request.",
                    "answer");
            // Stalled before any answer: the consent ask never reached B, and the introducer answers for B instead.
            case IntroductionState.AwaitingConsent or IntroductionState.Stalled when introduction.Answer is null && answer == ConsentAnswer.Yes:
                var introduced = introduction with
                {
                    State = IntroductionState.Introduced,
                    StalledReason = null,
                    Answer = ConsentAnswer.Yes,
                    AnsweredAt = now,
                    AnswerRecordedBy = responder.RecordedBy,
                    AnswerReceipt = responder.Receipt,
                    NudgeDueAt = now + _policy.NudgeAfter,
                };
                return new IntroductionTransition(
                    introduced,
                    [new SendIntroduction(introduction.IntroductionId, [introduction.PersonAContactId, introduction.PersonBContactId], introduction.OwnerId)]);
            case IntroductionState.AwaitingConsent or IntroductionState.Stalled when introduction.Answer is null:
                return new IntroductionTransition(
                    introduction with
                    {
                        State = IntroductionState.Declined,
                        Answer = ConsentAnswer.No,
                        AnsweredAt = now,
                        AnswerRecordedBy = responder.RecordedBy,
                        AnswerReceipt = responder.Receipt,
                        ClosedAt = now,
                        StalledReason = null,
                    },
                    []);
            case IntroductionState.Declined or IntroductionState.Introduced or IntroductionState.Nudged or IntroductionState.Completed or IntroductionState.Stalled
                when introduction.Answer == answer:
                return Repeat(introduction);
            case IntroductionState.Declined or IntroductionState.Introduced or IntroductionState.Nudged or IntroductionState.Completed or IntroductionState.Stalled:
                throw new DomainException(
                    "introduction.contradicting-answer",
                    $"B already answered {Name(introduction.Answer)} to introduction '{introduction.IntroductionId}'; a later {Name(answer)} cannot change it.",
                    "answer");
            default:
                throw Invalid(introduction, $"record the answer {Name(answer)} for");
        }
    }

    /// <summary>
    /// Expires a request B did not answer in time (timer), also one that stalled before B answered (its consent ask never
    /// reached B) and that the introducer neither answered nor cancelled: past the deadline nobody may answer it any more,
    /// so it must not stay open. Repeating it on an expired request is a no-op.
    /// </summary>
    /// <exception cref="DomainException"><c>introduction.not-yet-due</c> before the deadline; invalid transition from any other state.</exception>
    public IntroductionTransition Expire(Introduction introduction)
    {
        ArgumentNullException.ThrowIfNull(introduction);
        var now = _time.GetUtcNow();
        return introduction.State switch
        {
            IntroductionState.Expired => Repeat(introduction),
            IntroductionState.AwaitingConsent or IntroductionState.Stalled when introduction.Answer is null && now < introduction.ConsentDeadline =>
                throw NotYetDue(introduction, "expire", introduction.ConsentDeadline),
            IntroductionState.AwaitingConsent or IntroductionState.Stalled when introduction.Answer is null => new IntroductionTransition(
                introduction with { State = IntroductionState.Expired, ClosedAt = now, StalledReason = null },
                []),
            _ => throw Invalid(introduction, "expire"),
        };
    }

    /// <summary>Nudges A when nobody followed up within the nudge delay (timer). Repeating it on a nudged introduction is a no-op.</summary>
    /// <exception cref="DomainException"><c>introduction.not-yet-due</c> before the nudge is due; invalid transition from any other state.</exception>
    public IntroductionTransition Nudge(Introduction introduction)
    {
        ArgumentNullException.ThrowIfNull(introduction);
        var now = _time.GetUtcNow();
        return introduction.State switch
        {
            IntroductionState.Nudged => Repeat(introduction),
            IntroductionState.Introduced when now < introduction.NudgeDueAt => throw NotYetDue(introduction, "nudge", introduction.NudgeDueAt!.Value),
            IntroductionState.Introduced => new IntroductionTransition(
                introduction with { State = IntroductionState.Nudged, NudgedAt = now },
                [new SendNudge(introduction.IntroductionId, introduction.PersonAContactId)]),
            _ => throw Invalid(introduction, "nudge"),
        };
    }

    /// <summary>
    /// The timer's move once the introduction email went out at <paramref name="emailSentAt"/>: A is nudged
    /// <see cref="IntroductionPolicy.NudgeAfter"/> after the send, not after B's yes, so an email that went out late (the
    /// daily cap, the sending window, a send reviewed by hand) still gives A and B the whole delay. When that is still
    /// ahead, <see cref="Introduction.NudgeDueAt"/> moves there and nothing is sent; otherwise this is <see cref="Nudge"/>.
    /// </summary>
    /// <param name="introduction">The introduction, introduced and due for its nudge.</param>
    /// <param name="emailSentAt">When the introduction email went out (its task's SentUtc).</param>
    /// <exception cref="DomainException">What <see cref="Nudge"/> refuses.</exception>
    public IntroductionTransition NudgeAfterEmail(Introduction introduction, DateTimeOffset emailSentAt)
    {
        ArgumentNullException.ThrowIfNull(introduction);
        var due = emailSentAt + _policy.NudgeAfter;
        return introduction.State == IntroductionState.Introduced && due > introduction.NudgeDueAt && _time.GetUtcNow() < due
            ? new IntroductionTransition(introduction with { NudgeDueAt = due }, [])
            : Nudge(introduction);
    }

    /// <summary>
    /// The timer's move instead of <see cref="Nudge"/> when the introduction email never went out (skipped, failed for
    /// good, or never planned): A is not reminded of an email nobody got, and the introduction says why it stalled. Also
    /// its move, before the consent deadline, when the consent ask to B was skipped or failed: B cannot answer, so the
    /// request stalls instead of waiting silently for expiry, and the introducer may still answer for B or cancel it.
    /// Repeating it is a no-op.
    /// </summary>
    /// <param name="introduction">The introduction, introduced and due for its nudge, or awaiting consent before the deadline.</param>
    /// <param name="reason">Why (<see cref="IntroductionStallReasons"/>).</param>
    /// <exception cref="DomainException"><c>introduction.not-yet-due</c> before the nudge is due; invalid transition from any other state.</exception>
    public IntroductionTransition Stall(Introduction introduction, string reason)
    {
        ArgumentNullException.ThrowIfNull(introduction);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var now = _time.GetUtcNow();
        return introduction.State switch
        {
            IntroductionState.Stalled => Repeat(introduction),
            IntroductionState.Introduced when now < introduction.NudgeDueAt => throw NotYetDue(introduction, "stall", introduction.NudgeDueAt!.Value),
            IntroductionState.Introduced => new IntroductionTransition(introduction with { State = IntroductionState.Stalled, StalledReason = reason }, []),
            IntroductionState.AwaitingConsent when now >= introduction.ConsentDeadline => throw Invalid(introduction, "stall an expiring"),
            IntroductionState.AwaitingConsent => new IntroductionTransition(introduction with { State = IntroductionState.Stalled, StalledReason = reason }, []),
            _ => throw Invalid(introduction, "stall"),
        };
    }

    /// <summary>Records that A or B followed up (a reply on the introduction thread): completes it, and no nudge goes out.</summary>
    /// <exception cref="DomainException">Invalid transition before an introduction was made.</exception>
    public IntroductionTransition RecordFollowUp(Introduction introduction)
    {
        ArgumentNullException.ThrowIfNull(introduction);
        return introduction.State switch
        {
            // A request that stalled before B answered was never made: it is cancelled, not closed or followed up.
            IntroductionState.Introduced or IntroductionState.Nudged or IntroductionState.Stalled when introduction.Answer is not null => new IntroductionTransition(
                introduction with { State = IntroductionState.Completed, FollowedUp = true, ClosedAt = _time.GetUtcNow() },
                []),
            IntroductionState.Completed => Repeat(introduction),
            _ => throw Invalid(introduction, "record a follow-up on"),
        };
    }

    /// <summary>The introducer closes an introduction that was made (nothing more will be sent).</summary>
    /// <exception cref="DomainException">Invalid transition before an introduction was made.</exception>
    public IntroductionTransition Close(Introduction introduction)
    {
        ArgumentNullException.ThrowIfNull(introduction);
        return introduction.State switch
        {
            // A request that stalled before B answered was never made: it is cancelled, not closed or followed up.
            IntroductionState.Introduced or IntroductionState.Nudged or IntroductionState.Stalled when introduction.Answer is not null => new IntroductionTransition(
                introduction with { State = IntroductionState.Completed, ClosedAt = _time.GetUtcNow() },
                []),
            IntroductionState.Completed => Repeat(introduction),
            _ => throw Invalid(introduction, "close"),
        };
    }

    /// <summary>The introducer withdraws the request before B answers (also once it stalled because the consent ask never went out).</summary>
    /// <exception cref="DomainException">Invalid transition once B answered or the request expired.</exception>
    public IntroductionTransition Cancel(Introduction introduction)
    {
        ArgumentNullException.ThrowIfNull(introduction);
        return introduction.State switch
        {
            IntroductionState.AwaitingConsent or IntroductionState.Stalled when introduction.Answer is null => new IntroductionTransition(
                introduction with { State = IntroductionState.Cancelled, ClosedAt = _time.GetUtcNow() },
                []),
            IntroductionState.Cancelled => Repeat(introduction),
            _ => throw Invalid(introduction, "cancel"),
        };
    }

    private static void EnsureMayAnswer(Introduction introduction, ConsentResponder responder)
    {
        var allowed = responder.Token is { } token
            ? CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(introduction.ConsentToken))
            : string.Equals(responder.OwnerId, introduction.OwnerId, StringComparison.Ordinal);
        if (!allowed)
        {
            throw new DomainException(
                "introduction.not-allowed",
                $"Only B (through the consent link) or the introducer may answer introduction '{introduction.IntroductionId}'.",
                "responder");
        }
    }

    private static IntroductionTransition Repeat(Introduction introduction) => new(introduction, []) { IsRepeat = true };

    private static DomainException Invalid(Introduction introduction, string action) =>
        new("introduction.invalid-transition", $"Cannot {action} introduction '{introduction.IntroductionId}': it is {Name(introduction.State)}.", "state");

    private static DomainException NotYetDue(Introduction introduction, string action, DateTimeOffset due) =>
        new("introduction.not-yet-due", $"Cannot {action} introduction '{introduction.IntroductionId}' before {due:u}.", "state");

    private static string Name(IntroductionState state) => IntroductionStates.NameOf(state);

    private static string Name(ConsentAnswer? answer) => answer switch
    {
        ConsentAnswer.Yes => "yes",
        ConsentAnswer.No => "no",
        _ => "nothing",
    };

    private static void Require(string? value, string target)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException("introduction.invalid", $"An introduction needs {target}.", target);
        }
    }
}
