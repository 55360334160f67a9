using Outreach.Functions.Invocation;

namespace Outreach.Functions.Outcomes;

/// <summary>
/// <c>GET|POST /api/unsubscribe/{token}</c> (<c>Unsubscribe</c>, anonymous): GET shows a confirmation page whose form
/// POSTs back; POST unsubscribes (RFC 8058 one-click: a mail client posts <c>List-Unsubscribe=One-Click</c>, but no body
/// is required) and answers 200. Any token that does not verify gets the same 404 page.
/// </summary>
internal static class UnsubscribeApi
{
    public const string FunctionName = "Unsubscribe";

    public static IEndpointRouteBuilder MapUnsubscribe(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/unsubscribe/{token}", [HttpMethods.Get, HttpMethods.Post], HandleAsync)
            .AsFunction(FunctionName).WithName(FunctionName).AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(string token, HttpContext context, UnsubscribeHandler handler, CancellationToken cancellationToken)
    {
        if (HttpMethods.IsGet(context.Request.Method))
        {
            return handler.Verify(token) is null ? UnsubscribePages.NotFound() : UnsubscribePages.Confirm(token);
        }

        return await handler.UnsubscribeAsync(token, cancellationToken).ConfigureAwait(false) ? UnsubscribePages.Done() : UnsubscribePages.NotFound();
    }
}
