namespace Outreach.Core.Outcomes;

/// <summary>Whether a bounce is permanent.</summary>
public enum BounceSeverity
{
    /// <summary>Temporary (4.x.x / 4xx: mailbox full, greylisted, delayed) or undetermined: recorded only.</summary>
    Soft,

    /// <summary>Permanent (5.x.x / 5xx: no such user, domain gone): the address is suppressed.</summary>
    Hard,
}
