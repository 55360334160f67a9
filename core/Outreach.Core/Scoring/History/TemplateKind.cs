namespace Outreach.Core.Scoring.History;

/// <summary>What kind of note was sent.</summary>
public enum TemplateKind
{
    /// <summary>A thank-you note after meeting.</summary>
    ThankYou,

    /// <summary>A follow-up when nobody answered.</summary>
    FollowUp,

    /// <summary>A "give first" note: an article, a job post, an introduction offered.</summary>
    GiveFirst,

    /// <summary>A stay-in-touch note weeks later.</summary>
    StayInTouch,

    /// <summary>Asking the contact whether they would accept an introduction (double opt-in, first half).</summary>
    IntroAsk,

    /// <summary>The introduction itself, connecting two people.</summary>
    Intro,

    /// <summary>An unknown or missing value in the history (counted by the reader).</summary>
    Other,
}
