namespace Outreach.Core.Introductions;

/// <summary>
/// A "pay it forward" introduction: the owner (introducer) connects person A, who asked, with person B, who is asked
/// first. Both are the owner's contacts. Created and moved only by <see cref="IntroductionWorkflow"/>.
/// </summary>
public sealed record Introduction
{
    /// <summary>Id unique within the owner.</summary>
    public required string IntroductionId { get; init; }

    /// <summary>The introducer (a student or coach), who is copied on the introduction.</summary>
    public required string OwnerId { get; init; }

    /// <summary>Contact id of A, who wants to meet B.</summary>
    public required string PersonAContactId { get; init; }

    /// <summary>Contact id of B, whose consent is asked first.</summary>
    public required string PersonBContactId { get; init; }

    /// <summary>Why they should meet, in the introducer's words (goes into both emails).</summary>
    public required string Reason { get; init; }

    /// <summary>The secret in B's consent link; compare it in constant time (the workflow does).</summary>
    public required string ConsentToken { get; init; }

    /// <summary>Current state.</summary>
    public required IntroductionState State { get; init; }

    /// <summary>When the request was made and the consent ask planned.</summary>
    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>B's answer is accepted before this instant; at or after it the request expires.</summary>
    public required DateTimeOffset ConsentDeadline { get; init; }

    /// <summary>
    /// The account that confirmed A asked for or agreed to the introduction when it was requested (the introducer, or a
    /// coach requesting it for them): A is never asked by mail, so this is the record of A's side of the double opt-in.
    /// Null on a request stored before it was recorded.
    /// </summary>
    public string? PersonAConsentConfirmedBy { get; init; }

    /// <summary>When A's consent was confirmed (<see cref="PersonAConsentConfirmedBy"/>); null on a request stored before it was recorded.</summary>
    public DateTimeOffset? PersonAConsentConfirmedAt { get; init; }

    /// <summary>B's answer, once given.</summary>
    public ConsentAnswer? Answer { get; init; }

    /// <summary>When B's answer was recorded.</summary>
    public DateTimeOffset? AnsweredAt { get; init; }

    /// <summary>
    /// Who recorded B's answer: <see cref="ConsentResponder.ConsentLink"/> when B answered through the link, otherwise the
    /// account of the introducer who recorded an answer B gave them another way. Null before an answer, and on an answer
    /// stored before it was recorded.
    /// </summary>
    public string? AnswerRecordedBy { get; init; }

    /// <summary>
    /// The receipt carried by the consent page B answered from (<see cref="ConsentReceipts"/>), so that the same form
    /// posted again (a double click, a second tap, a browser's resubmit) is told apart from anyone else posting to a
    /// forwarded link. Null when the owner recorded the answer, when B's post carried none, and before an answer.
    /// </summary>
    public string? AnswerReceipt { get; init; }

    /// <summary>
    /// When A is to be nudged if nobody has followed up: set on introduction to the nudge delay after B's yes, and moved
    /// by the timer to the delay after the introduction email actually went out when that was later.
    /// </summary>
    public DateTimeOffset? NudgeDueAt { get; init; }

    /// <summary>When A was nudged.</summary>
    public DateTimeOffset? NudgedAt { get; init; }

    /// <summary>When it reached a final state.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>True when it completed because A or B followed up (not closed by hand).</summary>
    public bool FollowedUp { get; init; }

    /// <summary>
    /// Why it <see cref="IntroductionState.Stalled"/>: <c>introduction-email-skipped: </c> and the task's skip reason, or
    /// <c>introduction-email-failed</c> or <c>introduction-email-missing</c>; before B answered, <c>consent-ask-skipped: </c> and
    /// the skip reason, <c>consent-ask-failed</c> or <c>consent-ask-missing</c> (<see cref="IntroductionStallReasons"/>); null otherwise.
    /// </summary>
    public string? StalledReason { get; init; }

    /// <summary>
    /// The stored copy's version (the table ETag) as last read or written, or null before it is stored, so a store can
    /// refuse a write based on a stale read (B answering while the timer expires the request).
    /// </summary>
    public string? Version { get; init; }

    /// <summary>Id and state only: the generated record text would print the consent token into logs.</summary>
    public override string ToString() => $"Introduction {IntroductionId} ({State})";
}
