namespace Outreach.Core.Scoring.History;

/// <summary>How the outreach was delivered.</summary>
public enum Channel
{
    /// <summary>Sent over SMTP from the student's mailbox.</summary>
    Email,

    /// <summary>A drafted LinkedIn message the student sent by hand.</summary>
    LinkedIn,

    /// <summary>An unknown or missing value in the history (counted by the reader).</summary>
    Other,
}
