namespace Outreach.Core.Introductions;

/// <summary>The result of one workflow event: the introduction to store and the messages to plan.</summary>
/// <param name="Introduction">The introduction after the event (the same instance when nothing changed).</param>
/// <param name="Commands">Messages to send; empty for events that send nothing, and for repeats of an event already applied.</param>
public sealed record IntroductionTransition(Introduction Introduction, IReadOnlyList<IntroductionCommand> Commands)
{
    /// <summary>True when the event was a repeat and changed nothing (safe to acknowledge again).</summary>
    public bool IsRepeat { get; init; }
}
