namespace Outreach.Core.Introductions;

/// <summary>What <see cref="IIntroductionStore.TryAddForPairAsync"/> did with a new request.</summary>
/// <param name="Added">The request as stored, with its version; null when it was not stored.</param>
/// <param name="OpenBetweenPair">
/// The open introduction between the same two people that holds their claim, when that is why the request was not
/// stored; null otherwise (with <paramref name="Added"/> also null: an introduction with the same id exists, unless
/// <paramref name="Contended"/>).
/// </param>
/// <param name="Contended">
/// True when the request was not stored because the two people's claim was taken again each time it was cleared (other
/// requests between them at the same moment): asking again settles it.
/// </param>
public sealed record IntroductionAddition(Introduction? Added, Introduction? OpenBetweenPair, bool Contended = false);
