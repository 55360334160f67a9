namespace Outreach.Core.Introductions;

/// <summary>
/// A message a transition requires, for the send pipeline (<see cref="IntroductionTaskPlanner"/> turns each into a task).
/// Recipients are contact ids; addresses are resolved at send time and never carried here.
/// </summary>
/// <param name="IntroductionId">The introduction.</param>
public abstract record IntroductionCommand(string IntroductionId);

/// <summary>Ask B whether they would like to be introduced to A.</summary>
/// <param name="IntroductionId">The introduction.</param>
/// <param name="ToContactId">B.</param>
public sealed record SendConsentAsk(string IntroductionId, string ToContactId) : IntroductionCommand(IntroductionId);

/// <summary>Introduce A and B in one email, with the introducer in copy.</summary>
/// <param name="IntroductionId">The introduction.</param>
/// <param name="ToContactIds">A and B, in that order.</param>
/// <param name="CcOwnerId">The introducer.</param>
public sealed record SendIntroduction(string IntroductionId, IReadOnlyList<string> ToContactIds, string CcOwnerId) : IntroductionCommand(IntroductionId);

/// <summary>Remind A to follow up with B.</summary>
/// <param name="IntroductionId">The introduction.</param>
/// <param name="ToContactId">A.</param>
public sealed record SendNudge(string IntroductionId, string ToContactId) : IntroductionCommand(IntroductionId);
