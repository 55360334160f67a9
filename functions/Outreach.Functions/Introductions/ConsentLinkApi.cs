using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Outreach.Core;
using Outreach.Core.Introductions;
using Outreach.Core.Senders;
using Outreach.Core.Sending;
using Outreach.Functions.Dispatching;
using Outreach.Functions.Invocation;

namespace Outreach.Functions.Introductions;

/// <summary>
/// B's anonymous consent link: <c>GET /api/introductions/consent/{token}</c> (<c>ShowConsentPage</c>) asks yes or no,
/// <c>POST</c> (<c>AnswerConsent</c>, a form field or JSON <c>answer</c>) records it. The signed token is the only
/// credential, as for one-click unsubscribe, so the form carries no antiforgery token: another site cannot forge a post
/// without the link itself. A token that fails in any way, or points at an introduction no longer awaiting an answer,
/// gets the same 404 page. B's browser shows whatever the post returns, so every answer to it is one of these pages,
/// never JSON: a post without yes or no, a double click, and a yes whose introduction email the owner's setup cannot
/// plan (the answer is stored all the same) each get a page. Once B answered, the link says only that it was answered,
/// never which way, to a visit or to a post of either answer: B may have forwarded it. The one exception is B's own form
/// posted again (its receipt, <see cref="ConsentReceipts"/>, is the one the answer was recorded with): the same answer
/// again is B's double click or resubmit and gets the first click's confirmation (200); the other answer is told, plainly,
/// that B's first answer stands (409).
/// </summary>
internal static class ConsentLinkApi
{
    public const string ShowFunction = "ShowConsentPage";
    public const string AnswerFunction = "AnswerConsent";

    /// <summary>How often an answer that lost a version race is tried again on a fresh read.</summary>
    private const int MaxAttempts = 3;

    public static IEndpointRouteBuilder MapConsentLinks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/introductions/consent/{token}", ShowAsync).AsFunction(ShowFunction).WithName(ShowFunction).AllowAnonymous();
        endpoints.MapPost("/introductions/consent/{token}", AnswerAsync).AsFunction(AnswerFunction).WithName(AnswerFunction).AllowAnonymous().DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> ShowAsync(
        string token, ConsentLinks links, DispatchStorage storage, IIntroductionStore store, IContactReader contacts, ISenderProfileStore profiles,
        TimeProvider time, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var introduction = await FindAsync(token, links, store, cancellationToken).ConfigureAwait(false);
        if (introduction is { Answer: not null })
        {
            return ConsentPage.AlreadyAnswered(await IntroducerNameAsync(introduction, profiles, cancellationToken).ConfigureAwait(false));
        }

        if (introduction is not { State: IntroductionState.AwaitingConsent } || time.GetUtcNow() >= introduction.ConsentDeadline)
        {
            return ConsentPage.NotFound();
        }

        var introducer = await IntroducerNameAsync(introduction, profiles, cancellationToken).ConfigureAwait(false);
        var personA = await contacts.GetAsync(introduction.OwnerId, introduction.PersonAContactId, cancellationToken).ConfigureAwait(false);
        return ConsentPage.Question(introducer, personA?.FullName, introduction.Reason, ConsentReceipts.New());
    }

    private static async Task<IResult> AnswerAsync(
        string token, HttpRequest request, ConsentLinks links, DispatchStorage storage, IIntroductionStore store, IntroductionService introductions,
        ISenderProfileStore profiles, CancellationToken cancellationToken)
    {
        // B's browser posts a form and shows whatever comes back, so every outcome here is a page, never ProblemDetails.
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        if (await FindAsync(token, links, store, cancellationToken).ConfigureAwait(false) is not { } introduction)
        {
            return ConsentPage.NotFound();
        }

        ConsentAnswer? answer;
        string? receipt;
        try
        {
            (var posted, receipt) = await ReadAnswerAsync(request, cancellationToken).ConfigureAwait(false);
            answer = IntroductionsApi.ParseAnswer(posted);
        }
        catch (DomainException e) when (e.Code is "introduction.bad-answer" or "request.content-type" or "request.bad-json")
        {
            if (introduction.Answer is null)
            {
                return ConsentPage.NoAnswer();
            }

            (answer, receipt) = (null, null);
        }

        // A double click posts twice at once: the loser of the version race reads the winner's answer and is judged on
        // it like any post that finds the request answered.
        for (var attempt = 1; ; attempt++)
        {
            if (introduction.Answer is { } given)
            {
                // Only the form that recorded the answer, posted again with that same answer (a double click, a second tap,
                // a resubmit), goes on to the workflow, where it is a repeat and gets the first click's confirmation. Any
                // other post to a forwarded link gets one page whatever it posts, so it never learns which answer B gave.
                if (answer is null || !ConsentReceipts.Matches(introduction, receipt))
                {
                    return ConsentPage.AlreadyAnswered(await IntroducerNameAsync(introduction, profiles, cancellationToken).ConfigureAwait(false), StatusCodes.Status409Conflict);
                }

                if (given != answer)
                {
                    return ConsentPage.AnsweredBefore(given == ConsentAnswer.Yes, await IntroducerNameAsync(introduction, profiles, cancellationToken).ConfigureAwait(false));
                }
            }

            try
            {
                var answered = await introductions.AnswerAsync(introduction, answer!.Value, ConsentResponder.ByToken(introduction.ConsentToken, receipt), cancellationToken)
                    .ConfigureAwait(false);
                return ConsentPage.Answered(answered.Answer == ConsentAnswer.Yes);
            }
            catch (DomainException e) when (e.Code == "introduction.changed" && attempt < MaxAttempts)
            {
                if (await FindAsync(token, links, store, cancellationToken).ConfigureAwait(false) is not { } current)
                {
                    return ConsentPage.NotFound();
                }

                introduction = current;
            }
            catch (DomainException e) when (e.Code == "introduction.contradicting-answer")
            {
                return ConsentPage.AlreadyAnswered(await IntroducerNameAsync(introduction, profiles, cancellationToken).ConfigureAwait(false), StatusCodes.Status409Conflict);
            }
            catch (DomainException e) when (IntroductionsApi.IsStateConflict(e))
            {
                return ConsentPage.NotFound(); // expired or withdrawn: B learns only that the link is gone
            }
        }
    }

    /// <summary>The introducer's name as their sender profile gives it (the question page already shows it to the link's holder), or null.</summary>
    private static async Task<string?> IntroducerNameAsync(Introduction introduction, ISenderProfileStore profiles, CancellationToken cancellationToken) =>
        (await profiles.GetAsync(introduction.OwnerId, cancellationToken).ConfigureAwait(false))?.FullName;

    /// <summary>The introduction the token names, if the token is genuine and its secret still matches.</summary>
    private static async Task<Introduction?> FindAsync(string token, ConsentLinks links, IIntroductionStore store, CancellationToken cancellationToken)
    {
        if (links.Read(token) is not { } claims)
        {
            return null;
        }

        var introduction = await store.GetAsync(claims.OwnerId, claims.IntroductionId, cancellationToken).ConfigureAwait(false);
        return introduction is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(claims.ConsentSecret), Encoding.UTF8.GetBytes(introduction.ConsentToken))
            ? introduction
            : null;
    }

    /// <summary>The posted answer and the page's receipt (a form field; a JSON answer carries no receipt).</summary>
    private static async Task<(string? Answer, string? Receipt)> ReadAnswerAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            return (form["answer"], form["receipt"]);
        }

        try
        {
            return request.HasJsonContentType()
                ? ((await request.ReadFromJsonAsync<AnswerRequest>(cancellationToken).ConfigureAwait(false))?.Answer, null)
                : throw new DomainException("request.content-type", "Send the answer as a form or as JSON.", "Content-Type");
        }
        catch (JsonException e)
        {
            throw new DomainException("request.bad-json", $"The body is not valid JSON ({e.Path}).", "body");
        }
    }
}
