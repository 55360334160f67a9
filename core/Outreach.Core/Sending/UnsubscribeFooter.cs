using System.Net;
using Outreach.Core.Messaging.Templates;

namespace Outreach.Core.Sending;

/// <summary>
/// Makes sure an email to several people gives each of them their own way to stop the notes. Such an email carries no
/// List-Unsubscribe header (it could name one of them only), so the links in its body are all there is; a template the
/// owner edited may leave them out, or use <c>{{unsubscribeUrl}}</c>, which is empty on a message to several. Whoever's
/// link the rendered text or HTML lacks gets it in a short footer appended to that part.
/// </summary>
internal static class UnsubscribeFooter
{
    /// <summary><paramref name="message"/>, with a footer in each part that lacks the link of one of <paramref name="recipients"/>.</summary>
    public static RenderedMessage Ensure(RenderedMessage message, IReadOnlyList<PersonDetails> recipients)
    {
        var text = Missing(message.Text, recipients, p => p.UnsubscribeUrl!.AbsoluteUri);
        var html = Missing(message.Html, recipients, p => WebUtility.HtmlEncode(p.UnsubscribeUrl!.AbsoluteUri));
        if (text.Count == 0 && html.Count == 0)
        {
            return message;
        }

        return message with
        {
            Text = text.Count == 0 ? message.Text : message.Text.TrimEnd() + "\n\n" + TextFooter(text),
            Html = html.Count == 0 ? message.Html : InsertBeforeBodyEnd(message.Html, HtmlFooter(html)),
        };
    }

    private static List<PersonDetails> Missing(string part, IReadOnlyList<PersonDetails> recipients, Func<PersonDetails, string> link) =>
        [.. recipients.Where(p => p.UnsubscribeUrl is not null && !part.Contains(link(p), StringComparison.Ordinal))];

    private static string TextFooter(List<PersonDetails> people) =>
        "To stop my notes:\n" + string.Concat(people.Select(p => $"{Name(p)}: {p.UnsubscribeUrl!.AbsoluteUri}\n"));

    private static string HtmlFooter(List<PersonDetails> people) =>
        "<p style=\"font-size:12px;color:#777\">To stop my notes: " +
        string.Join(" · ", people.Select(p => $"<a href=\"{WebUtility.HtmlEncode(p.UnsubscribeUrl!.AbsoluteUri)}\">unsubscribe {WebUtility.HtmlEncode(Name(p))}</a>")) +
        "</p>";

    private static string Name(PersonDetails person) => person.FullName ?? "you";

    private static string InsertBeforeBodyEnd(string html, string footer)
    {
        var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return end < 0 ? html + footer : html.Insert(end, footer);
    }
}
