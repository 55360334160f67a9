using Outreach.Core.Messaging.Templates;

namespace Outreach.Core.Campaigns;

/// <summary>One message in a campaign's sequence.</summary>
public sealed record CampaignStep
{
    /// <summary>The morning hour steps aim for when none is given.</summary>
    public static readonly TimeOnly DefaultSendAt = new(9, 0);

    /// <summary>Id unique within the campaign; part of every task id, so never reuse one for a different step.</summary>
    public required string StepId { get; init; }

    /// <summary>What the message is for.</summary>
    public required TemplateKind Template { get; init; }

    /// <summary>A specific template of <see cref="Template"/>'s kind in the owner's library, or null for the kind's default.</summary>
    public string? TemplateName { get; init; }

    /// <summary>How to reach the contact.</summary>
    public ChannelPreference Channel { get; init; } = ChannelPreference.EmailWhenKnown;

    /// <summary>How long after the anchor (day met for the first step, previous step otherwise) the step is due.</summary>
    public required StepDelay Delay { get; init; }

    /// <summary>The sender's local time of day to aim for (the sending window may still move it).</summary>
    public TimeOnly SendAt { get; init; } = DefaultSendAt;

    /// <summary>Whether a reply cancels the step.</summary>
    public StepCondition Condition { get; init; } = StepCondition.OnlyIfNoReply;
}
