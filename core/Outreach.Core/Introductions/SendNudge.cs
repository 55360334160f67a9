namespace Outreach.Core.Introductions;

/// <summary>Remind A to follow up with B.</summary>
/// <param name="IntroductionId">The introduction.</param>
/// <param name="ToContactId">A.</param>
public sealed record SendNudge(string IntroductionId, string ToContactId) : IntroductionCommand(IntroductionId);
