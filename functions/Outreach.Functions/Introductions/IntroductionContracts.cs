using Outreach.Core.Introductions;

namespace Outreach.Functions.Introductions;

/// <summary>
/// The body of <c>POST /api/introductions</c>. <c>personAConsented</c> is the introducer's confirmation that A asked for
/// (or agreed to) this introduction: B is asked by the consent link, A is not asked by mail, and the introduction email
/// tells both that it comes "with both your blessings", so a request without it is refused.
/// </summary>
internal sealed record IntroductionRequest(string? PersonAContactId, string? PersonBContactId, string? Reason, bool? PersonAConsented = null);

/// <summary>The body of <c>POST /api/introductions/{id}/answer</c> and of B's JSON answer: <c>yes</c> or <c>no</c>.</summary>
internal sealed record AnswerRequest(string? Answer);

/// <summary>A person in an introduction.</summary>
internal sealed record IntroducedPerson(string Id, string? Name);

/// <summary>
/// The record of A's side of the double opt-in: the account that confirmed A asked for or agreed to the introduction
/// (<c>personAConsented</c>), when, and that account's display name (null when the account is gone: show the id).
/// </summary>
internal sealed record PersonAConsentRecord(string ConfirmedBy, DateTimeOffset ConfirmedUtc, string? ConfirmedByName);

/// <summary>
/// An introduction as its introducer sees it; <c>personAConsent</c> says who confirmed A's agreement and when (null on a
/// request stored before that was recorded); <c>answerRecordedBy</c> says who recorded B's answer: <c>consent-link</c>
/// when B answered through the link, otherwise the introducer's account id, whose display name is
/// <c>answerRecordedByName</c> (null for the link, and when the account is gone); <c>consentUrl</c> only while B can still answer, and only for the owner's
/// own key that may write and send (<see cref="IntroductionViews.MaySeeConsentLink"/>); <c>stalledReason</c> says why
/// a <c>stalled</c> one's introduction email, or consent ask to B, never went out.
/// </summary>
internal sealed record IntroductionResponse(
    string Id,
    IntroducedPerson PersonA,
    IntroducedPerson PersonB,
    string Reason,
    string State,
    string? Answer,
    DateTimeOffset CreatedUtc,
    DateTimeOffset ExpiresUtc,
    DateTimeOffset? AnsweredUtc,
    DateTimeOffset? NudgeDueUtc,
    DateTimeOffset? NudgedUtc,
    DateTimeOffset? ClosedUtc,
    Uri? ConsentUrl,
    string? StalledReason,
    PersonAConsentRecord? PersonAConsent,
    string? AnswerRecordedBy,
    string? AnswerRecordedByName)
{
    public static IntroductionResponse Of(
        Introduction i, string? personAName, string? personBName, Uri? consentUrl, string? confirmedByName, string? answerRecordedByName) => new(
        i.IntroductionId,
        new IntroducedPerson(i.PersonAContactId, personAName),
        new IntroducedPerson(i.PersonBContactId, personBName),
        i.Reason,
        IntroductionStates.NameOf(i.State),
        i.Answer?.ToString().ToLowerInvariant(),
        i.RequestedAt,
        i.ConsentDeadline,
        i.AnsweredAt,
        i.NudgeDueAt,
        i.NudgedAt,
        i.ClosedAt,
        consentUrl,
        i.StalledReason,
        i is { PersonAConsentConfirmedBy: { } by, PersonAConsentConfirmedAt: { } at } ? new PersonAConsentRecord(by, at, confirmedByName) : null,
        i.AnswerRecordedBy,
        answerRecordedByName);
}

/// <summary>The list answer.</summary>
internal sealed record IntroductionListResponse(IReadOnlyList<IntroductionResponse> Introductions);
