using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;
using Outreach.Functions.Hosting;

namespace Outreach.Functions.Limits;

/// <summary>
/// Problem details for the error answers that come with no body: routing's 404 for an unknown route and 405 for a
/// known route asked with another method. Only under the HTTP functions' prefix (<c>/api</c>): the host's invocation
/// endpoints (<c>POST /{FunctionName}</c>) answer the host, not a person. A response that already has a body (an
/// endpoint's own 404 problem, the consent and unsubscribe pages) is left as it is.
/// </summary>
internal static class ProblemStatusCodePages
{
    public static WebApplication UseProblemStatusCodePages(this WebApplication app)
    {
        var prefix = app.Services.GetRequiredService<FunctionApp>().Host.Extensions.Http.RoutePrefix.Trim('/');
        var functions = new PathString("/" + prefix);
        app.UseWhen(
            context => prefix.Length == 0 || context.Request.Path.StartsWithSegments(functions, StringComparison.OrdinalIgnoreCase),
            api => api.UseStatusCodePages(WriteAsync));
        return app;
    }

    private static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = status,
                Title = status switch
                {
                    StatusCodes.Status404NotFound => "Not found.",
                    StatusCodes.Status405MethodNotAllowed => "Method not allowed.",
                    _ => ReasonPhrases.GetReasonPhrase(status),
                },
                Detail = status switch
                {
                    StatusCodes.Status404NotFound => "There is no such resource.",
                    StatusCodes.Status405MethodNotAllowed => $"This route does not answer {http.Request.Method}.",
                    _ => null,
                },
            },
        }).ConfigureAwait(false);
    }
}
