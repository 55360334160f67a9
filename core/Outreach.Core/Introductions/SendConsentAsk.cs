namespace Outreach.Core.Introductions;

/// <summary>Ask B whether they would like to be introduced to A.</summary>
/// <param name="IntroductionId">The introduction.</param>
/// <param name="ToContactId">B.</param>
public sealed record SendConsentAsk(string IntroductionId, string ToContactId) : IntroductionCommand(IntroductionId);
