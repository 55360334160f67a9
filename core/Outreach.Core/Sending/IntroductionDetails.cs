using Outreach.Core.Contacts;
using Outreach.Core.Introductions;

namespace Outreach.Core.Sending;

/// <summary>What an introduction's message is about: the introduction (reason, consent secret) and its two people.</summary>
/// <param name="Introduction">The introduction the task belongs to.</param>
/// <param name="PersonA">The person being introduced (who asked for it).</param>
/// <param name="PersonB">The person A is introduced to (who is asked for consent first).</param>
public sealed record IntroductionDetails(Introduction Introduction, Contact PersonA, Contact PersonB)
{
    /// <summary>The contact with <paramref name="contactId"/> (A or B), or null when it is neither.</summary>
    public Contact? Person(string contactId) =>
        contactId == PersonA.ContactId ? PersonA : contactId == PersonB.ContactId ? PersonB : null;
}
