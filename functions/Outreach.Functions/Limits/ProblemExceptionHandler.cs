using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using Outreach.Core;

namespace Outreach.Functions.Limits;

/// <summary>
/// Turns the expected failures into problem details: a <see cref="DomainException"/> is 400 with its code and target;
/// a body cut off at the size limit while being read is 413 naming the limit; a request the binder cannot read (JSON
/// of the wrong shape or cut short, a parameter that does not parse) is 400 with the JSON path or parameter as its
/// <c>target</c>. Everything else is left to the default
/// handler: 500 without details, so a bug is neither hidden nor leaked.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, IOptions<LimitsOptions> limits) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case DomainException domain:
                httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
                return await problems.TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = httpContext,
                    Exception = domain,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status400BadRequest,
                        Title = domain.Message,
                        Extensions = { ["code"] = domain.Code, ["target"] = domain.Target },
                    },
                }).ConfigureAwait(false);
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                // The exception handler clears the endpoint before handlers run; the feature keeps the one that failed.
                var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint();
                var (limit, setting) = RequestBodyLimits.For(endpoint, limits.Value);
                httpContext.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return await problems.TryWriteAsync(LimitProblems.TooLarge(httpContext, limit, setting)).ConfigureAwait(false);
            case BadHttpRequestException bad:
                // Binding failures throw (RouteHandlerOptions.ThrowOnBadRequest) in every environment, so each is
                // problem details naming what could not be read, not a 500 (Development) or an empty 400.
                httpContext.Response.StatusCode = bad.StatusCode;
                return await problems.TryWriteAsync(UnreadableRequest(httpContext, bad)).ConfigureAwait(false);
            default:
                return false;
        }
    }

    private static ProblemDetailsContext UnreadableRequest(HttpContext httpContext, BadHttpRequestException bad)
    {
        var json = bad.InnerException as JsonException;
        return new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = bad,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = json is null ? "The request could not be read." : "The request body is not JSON of the expected shape.",
                Detail = json is null ? bad.Message : $"The value at {json.Path ?? "$"} cannot be read: {FirstSentence(json.Message)}",
                Extensions =
                {
                    ["code"] = json is null ? "request.unreadable" : "request.invalid-json",
                    ["target"] = json is null ? null : Target(json.Path),
                },
            },
        };
    }

    /// <summary><c>$.contactIds[0]</c> as the other problems name fields (<c>contactIds[0]</c>); the whole body stays <c>$</c>.</summary>
    private static string Target(string? path) => path is null or "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    // The rest of the message repeats the path and adds byte positions the caller has no use for.
    private static string FirstSentence(string message) =>
        message.IndexOf(" Path:", StringComparison.Ordinal) is var cut and > 0 ? message[..cut] : message;
}
