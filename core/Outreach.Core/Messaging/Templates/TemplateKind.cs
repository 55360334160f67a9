namespace Outreach.Core.Messaging.Templates;

/// <summary>What a template is for; the planner picks a template of the kind a step or introduction needs.</summary>
public enum TemplateKind
{
    /// <summary>The thank-you note the morning after meeting (<c>thank_you</c>).</summary>
    ThankYou,

    /// <summary>The follow-up a week later when nobody answered (<c>follow_up</c>).</summary>
    FollowUp,

    /// <summary>A note that offers something first: an article, a job post, an introduction (<c>give_first</c>).</summary>
    GiveFirst,

    /// <summary>The stay-in-touch note a month or more on (<c>stay_in_touch</c>).</summary>
    StayInTouch,

    /// <summary>Asks person B whether they agree to be introduced to person A (<c>intro_ask</c>).</summary>
    IntroAsk,

    /// <summary>The introduction itself, to both A and B in one email (<c>intro</c>).</summary>
    Intro,

    /// <summary>A gentle reminder about an earlier ask (<c>nudge</c>).</summary>
    Nudge,
}
