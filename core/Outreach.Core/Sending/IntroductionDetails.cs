using Outreach.Core.Contacts;
using Outreach.Core.Introductions;
using Outreach.Core.Planning;

namespace Outreach.Core.Sending;

/// <summary>What an introduction's message is about: the introduction (reason, consent secret) and its two people.</summary>
/// <param name="Introduction">The introduction the task belongs to.</param>
/// <param name="PersonA">The person being introduced (who asked for it).</param>
/// <param name="PersonB">The person A is introduced to (who is asked for consent first).</param>
public sealed record IntroductionDetails(Introduction Introduction, Contact PersonA, Contact PersonB)
{
    /// <summary>
    /// The introduction <paramref name="task"/> belongs to, with both its people, as its message is rendered from (sent,
    /// or shown as its draft); null for a campaign step, or when the introduction or one of its people is gone.
    /// </summary>
    public static async Task<IntroductionDetails?> OfAsync(
        OutreachTask task, IIntroductionReader introductions, IContactReader contacts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.IntroductionId is null ? null : await OfAsync(task.OwnerId, task.IntroductionId, introductions, contacts, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The owner's introduction <paramref name="introductionId"/> with both its people; null when it or one of its people is gone.</summary>
    public static async Task<IntroductionDetails?> OfAsync(
        string ownerId, string introductionId, IIntroductionReader introductions, IContactReader contacts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(introductions);
        ArgumentNullException.ThrowIfNull(contacts);
        if (await introductions.GetAsync(ownerId, introductionId, cancellationToken).ConfigureAwait(false) is not { } introduction)
        {
            return null;
        }

        var personA = contacts.GetAsync(ownerId, introduction.PersonAContactId, cancellationToken);
        var personB = contacts.GetAsync(ownerId, introduction.PersonBContactId, cancellationToken);
        return (await personA.ConfigureAwait(false), await personB.ConfigureAwait(false)) is ({ } a, { } b) ? new IntroductionDetails(introduction, a, b) : null;
    }

    /// <summary>The contact with <paramref name="contactId"/> (A or B), or null when it is neither.</summary>
    public Contact? Person(string contactId) =>
        contactId == PersonA.ContactId ? PersonA : contactId == PersonB.ContactId ? PersonB : null;
}
