using System.Text.Json;

namespace Outreach.Functions.Invocation;

/// <summary>
/// <c>POST /&lt;FunctionName&gt;</c>, where the host (and the local runner) sends queue and timer invocations.
/// HTTP functions are not here: with request forwarding the host sends their original request to <c>/api/...</c>.
/// </summary>
internal static class FunctionInvocationEndpoints
{
    public const string InvocationIdHeader = "X-Azure-Functions-InvocationId";

    public static IEndpointConventionBuilder MapFunctionInvocations(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/{functionName}", InvokeAsync).ExcludeFromDescription();

    private static async Task<IResult> InvokeAsync(
        string functionName, HttpRequest request, FunctionInvoker invoker, CancellationToken cancellationToken)
    {
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest, title: "The invocation body is not JSON.", detail: e.Message);
        }

        using (body)
        {
            return await invoker.InvokeAsync(
                functionName, body.RootElement, request.HttpContext.RequestServices,
                request.Headers[InvocationIdHeader].FirstOrDefault(), cancellationToken).ConfigureAwait(false);
        }
    }
}
