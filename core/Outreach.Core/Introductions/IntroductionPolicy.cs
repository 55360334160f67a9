namespace Outreach.Core.Introductions;

/// <summary>The introduction workflow's delays.</summary>
public sealed record IntroductionPolicy
{
    /// <summary>How long B has to answer the consent ask (N; default 7 days).</summary>
    public TimeSpan ConsentWindow { get; init; } = TimeSpan.FromDays(7);

    /// <summary>How long after the introduction email went out A is nudged if nobody followed up (M; default 7 days).</summary>
    public TimeSpan NudgeAfter { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Throws when a delay is not positive.</summary>
    /// <exception cref="DomainException">Target <c>consentWindow</c> or <c>nudgeAfter</c>.</exception>
    public IntroductionPolicy EnsureValid()
    {
        if (ConsentWindow <= TimeSpan.Zero)
        {
            throw new DomainException("introduction.invalid-policy", "The consent window must be longer than zero.", "consentWindow");
        }

        if (NudgeAfter <= TimeSpan.Zero)
        {
            throw new DomainException("introduction.invalid-policy", "The nudge delay must be longer than zero.", "nudgeAfter");
        }

        return this;
    }
}
