namespace Outreach.Core.Outcomes;

/// <summary>Where a sent task stands as a training example.</summary>
public enum LabelStatus
{
    /// <summary>The window is still open and no response yet: no label.</summary>
    Pending,

    /// <summary>A human response arrived inside the window: label 1.</summary>
    Positive,

    /// <summary>The window closed without a response: label 0.</summary>
    Negative,

    /// <summary>The message bounced and nobody responded: it never reached a person, so it teaches nothing about replies.</summary>
    Excluded,
}
