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
/// never which way, to a visit or to a post of either answer: B may have forwarded it.
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
            return ConsentPage.AlreadyAnswered();
        }

        if (introduction is not { State: IntroductionState.AwaitingConsent } || time.GetUtcNow() >= introduction.ConsentDeadline)
        {
            return ConsentPage.NotFound();
        }

        var introducer = await profiles.GetAsync(introduction.OwnerId, cancellationToken).ConfigureAwait(false);
        var personA = await contacts.GetAsync(introduction.OwnerId, introduction.PersonAContactId, cancellationToken).ConfigureAwait(false);
        return ConsentPage.Question(introducer?.FullName, personA?.FullName, introduction.Reason);
    }

    private static async Task<IResult> AnswerAsync(
        string token, HttpRequest request, ConsentLinks links, DispatchStorage storage, IIntroductionStore store, IntroductionService introductions,
        CancellationToken cancellationToken)
    {
        // B's browser posts a form and shows whatever comes back, so every outcome here is a page, never ProblemDetails.
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        if (await FindAsync(token, links, store, cancellationToken).ConfigureAwait(false) is not { } introduction)
        {
            return ConsentPage.NotFound();
        }

        // Whoever holds a forwarded link may post either answer: one already given is never repeated back as a thank-you
        // for yes or for no, which would tell them which answer B gave.
        if (introduction.Answer is not null)
        {
            return ConsentPage.AlreadyAnswered(StatusCodes.Status409Conflict);
        }

        ConsentAnswer answer;
        try
        {
            answer = IntroductionsApi.ParseAnswer(await ReadAnswerAsync(request, cancellationToken).ConfigureAwait(false));
        }
        catch (DomainException e) when (e.Code is "introduction.bad-answer" or "request.content-type" or "request.bad-json")
        {
            return ConsentPage.NoAnswer();
        }

        // A double click posts twice at once: the loser of the version race reads the winner's answer and gets the same
        // page (a repeat), not "link not available".
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var answered = await introductions.AnswerAsync(introduction, answer, ConsentResponder.ByToken(introduction.ConsentToken), cancellationToken)
                    .ConfigureAwait(false);
                return ConsentPage.Answered(answered.Answer == ConsentAnswer.Yes);
            }
            catch (DomainException e) when (e.Code == "introduction.contradicting-answer")
            {
                return ConsentPage.AlreadyAnswered(StatusCodes.Status409Conflict);
            }
            catch (DomainException e) when (e.Code == "introduction.changed" && attempt < MaxAttempts)
            {
                if (await FindAsync(token, links, store, cancellationToken).ConfigureAwait(false) is not { } current)
                {
                    return ConsentPage.NotFound();
                }

                introduction = current;
            }
            catch (DomainException e) when (IntroductionsApi.IsStateConflict(e))
            {
                return ConsentPage.NotFound(); // expired or withdrawn: B learns only that the link is gone
            }
        }
    }

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

    private static async Task<string?> ReadAnswerAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            return (await request.ReadFormAsync(cancellationToken).ConfigureAwait(false))["answer"];
        }

        try
        {
            return request.HasJsonContentType()
                ? (await request.ReadFromJsonAsync<AnswerRequest>(cancellationToken).ConfigureAwait(false))?.Answer
                : throw new DomainException("request.content-type", "Send the answer as a form or as JSON.", "Content-Type");
        }
        catch (JsonException e)
        {
            throw new DomainException("request.bad-json", $"The body is not valid JSON ({e.Path}).", "body");
        }
    }
}
