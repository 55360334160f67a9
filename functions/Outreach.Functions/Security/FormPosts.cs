using Microsoft.AspNetCore.Antiforgery;

namespace Outreach.Functions.Security;

/// <summary>
/// Cross-site request forgery protection for endpoints that accept HTML form posts. API calls send JSON with a Bearer
/// key, which a cross-site page cannot attach, so they need no token; a form post is what another site can make a
/// browser send, so it must carry an antiforgery token (hidden field <c>__RequestVerificationToken</c> plus its cookie).
/// Form-post endpoints today: <c>POST /api/consents</c>. RFC 8058 one-click unsubscribe (<c>List-Unsubscribe-Post</c>)
/// must stay exempt: mail providers post it without cookies, and its signed token authenticates it.
/// </summary>
internal static class FormPosts
{
    /// <summary>False for a form post without a valid antiforgery token; true for anything else.</summary>
    public static async Task<bool> IsAllowedAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.HasFormContentType)
        {
            return true;
        }

        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        return await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false);
    }

    public static IResult Rejected() => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "The form post has no valid antiforgery token.",
        detail: "Post forms from the Outreach dashboard, which includes the token, or send JSON with a Bearer key.");
}
