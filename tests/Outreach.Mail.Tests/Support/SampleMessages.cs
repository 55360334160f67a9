using Outreach.Core.Messaging.Delivery;
using Outreach.Core.Messaging.Templates;

namespace Outreach.Mail.Tests.Support;

internal static class SampleMessages
{
    public const string Subject = "Merci 🎉 für 東京の話 — thanks, Ann";
    public const string Text = "Hi Ann,\n\nZoë here: thank you! Ünïcödé ✓ 🎉 東京\nA line starting with a dot follows:\n.hidden\n";
    public const string Html = "<p>Hi Ann,</p><p>Zoë here: thank you! Ünïcödé ✓ 🎉 東京</p>";
    public const string OneClick = "https://app.example/api/unsubscribe/k1.eyJwIjoidW5zdWJzY3JpYmUifQ.c2lnbmF0dXJl";
    public const string Mailto = "mailto:unsubscribe@app.example?subject=unsubscribe%20k1.eyJwIjoidW5zdWJzY3JpYmUifQ.c2lnbmF0dXJl";

    /// <summary>A minimal message to <paramref name="recipients"/>, for transport behaviour that does not depend on content.</summary>
    public static OutgoingMessage Plain(params string[] recipients)
    {
        var builder = new OutgoingMessageBuilder().From("zoe@students.example.edu").Content(new RenderedMessage("s", "t", "<p>h</p>"));
        foreach (var recipient in recipients)
        {
            builder.To(recipient);
        }

        return builder.Build();
    }

    public static OutgoingMessage Note(string to = "ann@example.org", string? messageId = null)
    {
        var builder = new OutgoingMessageBuilder()
            .From("zoe@students.example.edu", "Zoë Ångström")
            .To(to, "Ann Lee")
            .ReplyTo("reply+task-1.k1.abcdefghijklmnop@students.example.edu")
            .Content(new RenderedMessage(Subject, Text, Html))
            .Unsubscribe(new UnsubscribeLinks(new Uri(OneClick), new Uri(Mailto)))
            .Header("X-Outreach-Task", "task-1");
        if (messageId is not null)
        {
            builder.MessageId(messageId);
        }

        return builder.Build();
    }
}
