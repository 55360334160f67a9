namespace Outreach.Core.Introductions;

/// <summary>Introduce A and B in one email, with the introducer in copy.</summary>
/// <param name="IntroductionId">The introduction.</param>
/// <param name="ToContactIds">A and B, in that order.</param>
/// <param name="CcOwnerId">The introducer.</param>
public sealed record SendIntroduction(string IntroductionId, IReadOnlyList<string> ToContactIds, string CcOwnerId) : IntroductionCommand(IntroductionId);
