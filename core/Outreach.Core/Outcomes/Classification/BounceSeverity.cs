namespace Outreach.Core.Outcomes;

/// <summary>Whether a bounce is permanent, and whether the recipient's address is to blame.</summary>
public enum BounceSeverity
{
    /// <summary>Temporary (4.x.x / 4xx: mailbox full, greylisted, delayed) or undetermined: recorded only.</summary>
    Soft,

    /// <summary>Permanent (5.x.x / 5xx: no such user, domain gone): the address is suppressed.</summary>
    Hard,

    /// <summary>
    /// Permanent, but RFC 3463 puts the cause on the sender or on the policies of both ends, not on the recipient's
    /// address: 5.7.x (security or policy: SPF/DKIM/DMARC failures, a blocked sending host, spam filtering) and
    /// 5.1.7/5.1.8 (the sender's own address). Recorded only: the address is not suppressed and the sequence is not
    /// stopped, since fixing the sender's mailbox makes the next note deliverable.
    /// </summary>
    Policy,
}
