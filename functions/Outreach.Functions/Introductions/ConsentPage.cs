using System.Net;
using System.Text;

namespace Outreach.Functions.Introductions;

/// <summary>
/// The small HTML pages behind B's consent link. No script and no inline style (the security headers' CSP forbids
/// both); the two answers are plain form posts back to the same link. Every value is HTML-encoded.
/// </summary>
internal static class ConsentPage
{
    /// <summary>The question: would you like to be introduced to A?</summary>
    public static IResult Question(string? introducerName, string? personAName, string reason) => Page(
        StatusCodes.Status200OK,
        "Would you like an introduction?",
        $"""
        <p>{Encode(introducerName ?? "Someone you know")} would like to introduce you to {Encode(personAName ?? "a contact of theirs")}.</p>
        <p>Why you might like to meet: {Encode(reason)}</p>
        <p>Nobody is told if you say no.</p>
        <form method="post"><input type="hidden" name="answer" value="yes"><button type="submit">Yes, introduce us</button></form>
        <form method="post"><input type="hidden" name="answer" value="no"><button type="submit">No, thank you</button></form>
        """);

    /// <summary>After an answer (or on a later visit once answered).</summary>
    public static IResult Answered(bool yes) => Page(
        StatusCodes.Status200OK,
        "Thank you",
        yes ? "<p>Thank you. You will receive an email introducing you both.</p>" : "<p>Thank you. Nobody will be introduced to you.</p>");

    /// <summary>An answer that contradicts the one already given.</summary>
    public static IResult AlreadyAnswered() => Page(
        StatusCodes.Status409Conflict, "Already answered", "<p>This request was already answered; the answer cannot be changed here.</p>");

    /// <summary>A post that carries neither yes nor no (a hand-made request, or a form mangled on the way).</summary>
    public static IResult NoAnswer() => Page(
        StatusCodes.Status400BadRequest, "No answer given", "<p>Nothing was recorded. Open the link from the email again and choose yes or no.</p>");

    /// <summary>The one answer for a tampered, expired, unknown or closed link: it says nothing about why.</summary>
    public static IResult NotFound() => Page(
        StatusCodes.Status404NotFound, "Link not available", "<p>This link is not valid or no longer available.</p>");

    private static IResult Page(int status, string title, string body)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Append("<meta name=\"robots\" content=\"noindex\"><title>").Append(Encode(title)).Append("</title></head><body><h1>")
            .Append(Encode(title)).Append("</h1>").Append(body).Append("</body></html>")
            .ToString();
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
