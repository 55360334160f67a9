namespace Outreach.Core.Introductions;

/// <summary>
/// Whether a new request would repeat one still open between the same two people: B would get a second consent ask
/// about the same person (or, once they were introduced, be asked about someone they already met through the
/// introducer), the duplicate mail Outreach exists to avoid. A request that ended (declined, expired, cancelled,
/// completed) does not count: the introducer may ask again later. Reading the owner's introductions cannot stop two
/// requests made at the same moment (a double click, two tabs, a retry after a timeout): the store also claims the pair
/// atomically (<see cref="IIntroductionStore.TryAddForPairAsync"/>), by this same rule.
/// </summary>
public static class IntroductionDuplicates
{
    /// <summary>The first open introduction between <paramref name="personAContactId"/> and <paramref name="personBContactId"/> (either way round), or null.</summary>
    public static Introduction? FindOpen(IEnumerable<Introduction> existing, string personAContactId, string personBContactId)
    {
        ArgumentNullException.ThrowIfNull(existing);
        return existing.FirstOrDefault(i => IsOpen(i.State) && IsBetween(i, personAContactId, personBContactId));
    }

    /// <summary>Refuses a request that <see cref="FindOpen"/> finds an open introduction for, naming it.</summary>
    /// <exception cref="DomainException"><c>introduction.duplicate</c>, target <c>personBContactId</c>.</exception>
    public static void EnsureNoneOpen(IEnumerable<Introduction> existing, string personAContactId, string personBContactId)
    {
        if (FindOpen(existing, personAContactId, personBContactId) is { } open)
        {
            throw Duplicate(open);
        }
    }

    /// <summary>The refusal of a request between the two people of <paramref name="open"/>, naming it.</summary>
    /// <returns><c>introduction.duplicate</c>, target <c>personBContactId</c>.</returns>
    public static DomainException Duplicate(Introduction open)
    {
        ArgumentNullException.ThrowIfNull(open);
        return new DomainException(
            "introduction.duplicate",
            $"Introduction '{open.IntroductionId}' between these two people is still open ({IntroductionStates.NameOf(open.State)}); "
            + "cancel or close it before asking again.",
            "personBContactId");
    }

    /// <summary>
    /// Whether an introduction in <paramref name="state"/> keeps its two people from a new request: awaiting B, stalled,
    /// introduced or nudged. Every other state is final.
    /// </summary>
    public static bool IsOpen(IntroductionState state) =>
        state is IntroductionState.AwaitingConsent or IntroductionState.Stalled or IntroductionState.Introduced or IntroductionState.Nudged;

    private static bool IsBetween(Introduction i, string a, string b) =>
        (string.Equals(i.PersonAContactId, a, StringComparison.Ordinal) && string.Equals(i.PersonBContactId, b, StringComparison.Ordinal))
        || (string.Equals(i.PersonAContactId, b, StringComparison.Ordinal) && string.Equals(i.PersonBContactId, a, StringComparison.Ordinal));
}
