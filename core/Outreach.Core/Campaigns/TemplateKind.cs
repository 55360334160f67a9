namespace Outreach.Core.Campaigns;

/// <summary>
/// What a step's message is for. Each kind has a default template in the template library; a step may name a
/// specific template of that kind instead. Wire names are listed on <see cref="TemplateKinds"/>.
/// </summary>
public enum TemplateKind
{
    /// <summary><c>thank_you</c>: the note the morning after meeting someone.</summary>
    ThankYou,

    /// <summary><c>follow_up</c>: a follow-up when the first note got no answer.</summary>
    FollowUp,

    /// <summary><c>give_first</c> or <c>stay_in_touch</c>: a note that offers something (an article, a job post, help).</summary>
    StayInTouch,

    /// <summary><c>intro_ask</c>: asks person B whether they would like to be introduced (double opt-in).</summary>
    IntroAsk,

    /// <summary><c>intro</c>: the one email introducing A and B, with the introducer in copy.</summary>
    Intro,

    /// <summary><c>nudge</c>: reminds A to follow up on an introduction nobody acted on.</summary>
    Nudge,
}
