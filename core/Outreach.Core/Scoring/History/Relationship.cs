namespace Outreach.Core.Scoring.History;

/// <summary>How the sender knows the recipient, warmest first. <see cref="Other"/> holds values the schema does not know.</summary>
public enum Relationship
{
    /// <summary>Met one to one (coffee chat, interview, meeting).</summary>
    MetInPerson,

    /// <summary>The professional visited the student's class.</summary>
    ClassVisit,

    /// <summary>Met at an event (career fair, conference, meetup).</summary>
    Event,

    /// <summary>Connected on LinkedIn without meeting.</summary>
    LinkedInOnly,

    /// <summary>Never in contact before.</summary>
    Cold,

    /// <summary>An unknown or missing value in the history (counted by the reader).</summary>
    Other,
}
