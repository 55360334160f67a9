using Outreach.Core.Messaging.Templates;

namespace Outreach.Core.Tests.Messaging.Templates;

internal static class TemplateFactory
{
    public static MessageTemplate With(string? subject = null, string? text = null, string? html = null, string id = "t1") =>
        new(id, "Test", TemplateKind.ThankYou, subject ?? "Hello {{firstName}}", text ?? "Hi {{firstName}}", html ?? "<p>Hi {{firstName}}</p>");

    public static TemplateModel Model(string? firstName = "Ann", string? company = "Acme", string? topic = null) => new()
    {
        Recipient = new PersonDetails { FirstName = firstName, LastName = "Lee", Company = company },
        Topic = topic,
        Sender = new SenderDetails { FirstName = "Sam", LastName = "Ortiz" },
    };
}
