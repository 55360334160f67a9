using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Core.Outcomes;
using Outreach.Functions.Invocation;
using Outreach.Functions.Limits;

namespace Outreach.Functions.Outcomes;

/// <summary>
/// <c>POST /api/inbound</c> (<c>ReceiveInbound</c>): the inbound-mail webhook. Not an API-key endpoint: the mail service
/// presents the configured shared secret (<see cref="WebhookSecret"/>). Answers what the delivery was and how it matched,
/// never an address; a repeated delivery answers <c>duplicate</c> and changes nothing.
/// </summary>
internal static class InboundApi
{
    public const string FunctionName = "ReceiveInbound";

    public static IEndpointRouteBuilder MapInbound(this IEndpointRouteBuilder endpoints)
    {
        // Mail services post a message's attachments in the same request (SendGrid and Mailgun as file parts, Postmark
        // inside the JSON), so the webhook takes the upload limit: under the 1 MB request limit a reply carrying a CV was
        // refused with 413, retried and dropped, and the sequence went on. File parts are skipped unread.
        // Its verified posts (every owner's replies and bounces, from a few of the service's addresses) have their own allowance.
        endpoints.MapPost("/inbound", ReceiveAsync).AsFunction(FunctionName).WithName(FunctionName).AllowAnonymous().AllowsUpload()
            .WithMetadata(new WebhookAllowance(FunctionName, context => context.RequestServices.GetRequiredService<WebhookSecret>().IsPresentedBy(context.Request)))
            .Accepts<object>("application/json", "application/x-www-form-urlencoded", "multipart/form-data");
        return endpoints;
    }

    private static async Task<Results<Ok<InboundResponse>, ProblemHttpResult>> ReceiveAsync(
        HttpContext context, WebhookSecret secret, InboundHandler handler, InboundLimits limits, CancellationToken cancellationToken)
    {
        if (!secret.IsPresentedBy(context.Request))
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"inbound\"";
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The webhook secret is missing or wrong.");
        }

        var body = await InboundBodyReader.ReadAsync(context.Request, limits, cancellationToken).ConfigureAwait(false);
        var result = await handler.HandleAsync(body, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(InboundResponse.Of(result));
    }
}
