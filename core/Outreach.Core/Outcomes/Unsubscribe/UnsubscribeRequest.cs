using Outreach.Core.Messaging.Delivery;

namespace Outreach.Core.Outcomes;

/// <summary>
/// Recognises the mail a client sends for the <c>mailto:</c> form of <c>List-Unsubscribe</c>
/// (<see cref="UnsubscribeLinks.For"/> writes <c>mailto:{mailbox}?subject=unsubscribe%20{token}</c>): its subject is
/// <c>unsubscribe</c> and the signed token, nothing else. Such a mail is an unsubscribe, not a reply from the contact;
/// whether the token is genuine is the caller's check (the same as the one-click link's).
/// </summary>
public static class UnsubscribeRequest
{
    private const string Verb = "unsubscribe";

    /// <summary>The token an unsubscribe mail's subject carries, or null when the subject is anything else.</summary>
    /// <param name="message">An inbound message.</param>
    public static string? TokenOf(InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var subject = message.Subject.AsSpan().Trim();
        if (!subject.StartsWith(Verb, StringComparison.OrdinalIgnoreCase) || subject.Length == Verb.Length || !char.IsWhiteSpace(subject[Verb.Length]))
        {
            return null;
        }

        var token = subject[Verb.Length..].Trim();
        return token.Length > 0 && !token.ContainsAny(" \t") ? token.ToString() : null;
    }
}
