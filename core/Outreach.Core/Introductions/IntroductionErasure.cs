namespace Outreach.Core.Introductions;

/// <summary>
/// What erasing a contact does to an introduction naming it as A or B: the introduction stops (a request still
/// awaiting B, or stalled before B answered, is cancelled, one already made is closed as completed, a finished one
/// stays as it ended), the
/// introducer's reason is blanked (it is free text about the people), and the erased contact's id is replaced by
/// <see cref="ErasedContactId"/>, since contact ids come from the contact's keys and a re-import would otherwise
/// bring the old introduction back to the new contact. The state, dates and the other person's id stay, so the
/// introducer's own history and the counters keep their shape.
/// </summary>
public static class IntroductionErasure
{
    /// <summary>Stands in for the id of an erased person.</summary>
    public const string ErasedContactId = "erased";

    /// <summary>Whether the introduction names <paramref name="contactId"/> as A or B.</summary>
    public static bool Names(Introduction introduction, string contactId)
    {
        ArgumentNullException.ThrowIfNull(introduction);
        return string.Equals(introduction.PersonAContactId, contactId, StringComparison.Ordinal)
            || string.Equals(introduction.PersonBContactId, contactId, StringComparison.Ordinal);
    }

    /// <summary>The introduction stopped and without the contact's id or the reason.</summary>
    /// <param name="introduction">An introduction that <see cref="Names"/> the contact.</param>
    /// <param name="contactId">The contact being erased.</param>
    /// <param name="now">When the erasure happens (the closing time of an open introduction).</param>
    public static Introduction Erase(Introduction introduction, string contactId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(introduction);
        var state = introduction.State switch
        {
            IntroductionState.AwaitingConsent => IntroductionState.Cancelled,
            // A request that stalled before B answered was never made (its consent ask never reached B): it is
            // cancelled, as the introducer would have, not recorded as an introduction that happened.
            IntroductionState.Stalled when introduction.Answer is null => IntroductionState.Cancelled,
            IntroductionState.Introduced or IntroductionState.Nudged or IntroductionState.Stalled => IntroductionState.Completed,
            _ => introduction.State,
        };
        return introduction with
        {
            PersonAContactId = Replace(introduction.PersonAContactId, contactId),
            PersonBContactId = Replace(introduction.PersonBContactId, contactId),
            Reason = string.Empty,
            State = state,
            ClosedAt = introduction.ClosedAt ?? now,
            NudgeDueAt = state == introduction.State ? introduction.NudgeDueAt : null,
        };
    }

    private static string Replace(string id, string erased) => string.Equals(id, erased, StringComparison.Ordinal) ? ErasedContactId : id;
}
