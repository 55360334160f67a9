namespace Outreach.Core.Introductions;

/// <summary>
/// A message a transition requires, for the send pipeline (<see cref="IntroductionTaskPlanner"/> turns each into a task).
/// Recipients are contact ids; addresses are resolved at send time and never carried here.
/// </summary>
/// <param name="IntroductionId">The introduction.</param>
public abstract record IntroductionCommand(string IntroductionId);
