using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using Outreach.Core;

namespace Outreach.Functions.Limits;

/// <summary>
/// Turns the expected failures into problem details: a <see cref="DomainException"/> is 400 with its code and target;
/// a body cut off at the size limit while being read is 413 naming the limit. Everything else is left to the default
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
            default:
                return false;
        }
    }
}
