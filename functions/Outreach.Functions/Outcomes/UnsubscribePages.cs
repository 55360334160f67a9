using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Outreach.Functions.Outcomes;

/// <summary>
/// The small HTML pages of the unsubscribe link: a confirmation with a form that POSTs back (no script: the CSP allows
/// none inline, and mail scanners that follow GET links must not unsubscribe anyone), the result, and one "not found"
/// page for every bad token, so nothing tells a forged token from an expired or unknown one.
/// </summary>
internal static class UnsubscribePages
{
    public static IResult Confirm(string token) => Page(
        StatusCodes.Status200OK,
        "Unsubscribe",
        $"""
        <p>Stop receiving these messages?</p>
        <form method="post" action="/api/unsubscribe/{WebUtility.HtmlEncode(Uri.EscapeDataString(token))}">
          <button type="submit">Unsubscribe</button>
        </form>
        """);

    public static IResult Done() => Page(StatusCodes.Status200OK, "Unsubscribed", "<p>You are unsubscribed. You will not receive further messages.</p>");

    public static IResult NotFound() => Page(StatusCodes.Status404NotFound, "Link not valid", "<p>This link is not valid.</p>");

    private static ContentHttpResult Page(int status, string title, string body) => TypedResults.Content(
        $"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>{title}</title><meta name="robots" content="noindex"></head>
        <body>
        <h1>{title}</h1>
        {body}
        </body>
        </html>
        """,
        "text/html; charset=utf-8",
        statusCode: status);
}
