namespace Outreach.Core.Introductions;

/// <summary>What <see cref="IIntroductionStore.TryAddForPairAsync"/> did with a new request.</summary>
/// <param name="Added">The request as stored, with its version; null when it was not stored.</param>
/// <param name="OpenBetweenPair">
/// The open introduction between the same two people that holds their claim, when that is why the request was not
/// stored; null otherwise (with <paramref name="Added"/> also null: an introduction with the same id exists).
/// </param>
public sealed record IntroductionAddition(Introduction? Added, Introduction? OpenBetweenPair);
