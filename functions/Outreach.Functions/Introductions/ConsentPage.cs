using System.Net;
using System.Text;

namespace Outreach.Functions.Introductions;

/// <summary>
/// The small HTML pages behind B's consent link. No script and no inline style (the security headers' CSP forbids
/// both); the two answers are plain form posts back to the same link. Every value is HTML-encoded.
/// </summary>
internal static class ConsentPage
{
    /// <summary>
    /// The question: would you like to be introduced to A? Both forms carry <paramref name="receipt"/>
    /// (<see cref="Outreach.Core.Introductions.ConsentReceipts"/>), so a second post of the same form is known for B's own repeat.
    /// </summary>
    public static IResult Question(string? introducerName, string? personAName, string reason, string receipt) => Page(
        StatusCodes.Status200OK,
        "Would you like an introduction?",
        $"""
        <p>{Encode(introducerName ?? "Someone you know")} would like to introduce you to {Encode(personAName ?? "a contact of theirs")}.</p>
        <p>Why you might like to meet: {Encode(reason)}</p>
        <p>Nobody is told if you say no.</p>
        <form method="post"><input type="hidden" name="answer" value="yes"><input type="hidden" name="receipt" value="{Encode(receipt)}"><button type="submit">Yes, introduce us</button></form>
        <form method="post"><input type="hidden" name="answer" value="no"><input type="hidden" name="receipt" value="{Encode(receipt)}"><button type="submit">No, thank you</button></form>
        """);

    /// <summary>
    /// Right after B's own post recorded the answer. A yes promises no email: the introduction email goes out from the
    /// introducer's mailbox later and may still be held back (B unsubscribed from them, the mailbox refuses it), so the page
    /// says what is true now (the answer is recorded and the introducer sees it) and what B can do if nothing comes.
    /// </summary>
    public static IResult Answered(bool yes) => Page(
        StatusCodes.Status200OK,
        "Thank you",
        yes
            ? "<p>Thank you. Your yes is recorded and the person who asked you can see it.</p>"
              + "<p>They introduce you both by email. If no introduction reaches you, reply to their email to ask about it.</p>"
            : "<p>Thank you. Your no is recorded. Nobody will be introduced to you, and nobody is told that you said no.</p>");

    /// <summary>
    /// A request that is already answered, for a later visit and for any post that is not B's own repeat of the form that
    /// recorded the answer. It never says which answer was given: a link B forwarded, or one read over B's shoulder, must
    /// not tell its holder whether B accepted, neither by its words nor by its status, whatever answer the holder posts.
    /// It says why it does not show the answer, and whom to write to, so B is not left wondering whether B's answer counted.
    /// </summary>
    public static IResult AlreadyAnswered(string? introducerName, int status = StatusCodes.Status200OK) => Page(
        status,
        "Already answered",
        "<p>Thank you. This request has already been answered; the answer cannot be changed here.</p>"
        + "<p>This page does not show the answer, because a link like this one may have been passed on.</p>"
        + $"<p>If something needs changing, write to {Encode(IntroducerOrDefault(introducerName))} directly.</p>");

    /// <summary>
    /// B's own form (its receipt matches) posting the other answer after one was recorded: the answer B gave stands, and
    /// the page says so plainly, naming it (this browser posted it), and whom to write to.
    /// </summary>
    public static IResult AnsweredBefore(bool yes, string? introducerName) => Page(
        StatusCodes.Status409Conflict,
        "Already answered",
        $"<p>Your answer, {(yes ? "yes" : "no")}, was recorded first and cannot be changed here.</p>"
        + $"<p>If you have changed your mind, write to {Encode(IntroducerOrDefault(introducerName))} directly.</p>");

    /// <summary>A post that carries neither yes nor no (a hand-made request, or a form mangled on the way).</summary>
    public static IResult NoAnswer() => Page(
        StatusCodes.Status400BadRequest, "No answer given", "<p>Nothing was recorded. Open the link from the email again and choose yes or no.</p>");

    /// <summary>The one answer for a tampered, expired, unknown or closed link: it says nothing about why.</summary>
    public static IResult NotFound() => Page(
        StatusCodes.Status404NotFound, "Link not available", "<p>This link is not valid or no longer available.</p>");

    private static NoStorePage Page(int status, string title, string body)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Append("<meta name=\"robots\" content=\"noindex\"><title>").Append(Encode(title)).Append("</title></head><body><h1>")
            .Append(Encode(title)).Append("</h1>").Append(body).Append("</body></html>")
            .ToString();
        return new NoStorePage(Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status));
    }

    /// <summary>
    /// A consent page is never stored by the browser or anything between: it names A and the introducer's reason, and
    /// after B's answer it says how B answered, on a device B may share; a stored question would also keep its receipt.
    /// </summary>
    private sealed class NoStorePage(IResult page) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            httpContext.Response.Headers.CacheControl = "no-store";
            return page.ExecuteAsync(httpContext);
        }
    }

    private static string IntroducerOrDefault(string? introducerName) =>
        string.IsNullOrWhiteSpace(introducerName) ? "the person who asked you" : introducerName;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
