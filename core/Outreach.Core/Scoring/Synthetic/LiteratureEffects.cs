using Outreach.Core.Scoring.Features;
using Outreach.Core.Scoring.History;

namespace Outreach.Core.Scoring.Synthetic;

/// <summary>
/// The log-odds effects of the synthetic generator, each taken from the literature in <c>reference/ml.md</c> §4/§6.
/// These are mostly observational vendor figures, used as relative effects on a 5 % base rate, not as truths about
/// any one student's contacts. Reference levels (effect 0): cold contact, first message, follow-up note, email,
/// no note, no offer, 50–125 words, no question, weekday 9–16 h, senior individual contributor.
/// </summary>
internal static class LiteratureEffects
{
    /// <summary>
    /// Warm vs cold: Roghanizad &amp; Bohns 2017 (JESP 69:223) find in-person asks ~34× more effective than cold email;
    /// Beck (Reach Out) reports 60–80 % replies after meeting vs ~25 % cold. ml.md §6 suggests OR 3–6 for met vs cold.
    /// </summary>
    public static double Relationship(Relationship relationship) => relationship switch
    {
        History.Relationship.MetInPerson => Math.Log(5.0),
        History.Relationship.ClassVisit => Math.Log(3.5),
        History.Relationship.Event => Math.Log(3.0),
        History.Relationship.LinkedInOnly => Math.Log(1.5),
        _ => 0,
    };

    /// <summary>
    /// Recency: a warm contact cools as weeks pass (Beck's figures are for re-contact soon after meeting). No study in
    /// ml.md measures the slope, so this is a deliberately small assumed effect: −0.15 log-odds per unit of log1p(days).
    /// </summary>
    public static double Recency(double? daysSinceMet) => daysSinceMet is { } days ? -0.15 * Math.Log(1 + days) : 0;

    /// <summary>
    /// Per-message hazard of follow-ups, Belkins 2023 (11M B2B emails): the 1st follow-up adds ~49 % more replies,
    /// the 2nd ~9 %, the 3rd lowers them (−20 %; −30 % in Belkins/Reply 2024). As a per-message odds ratio
    /// conditional on no earlier reply: about 0.65, 0.35 and 0.2 of the first message.
    /// </summary>
    public static double Step(int step) => step switch
    {
        1 => 0,
        2 => Math.Log(0.65),
        3 => Math.Log(0.35),
        _ => Math.Log(0.2),
    };

    /// <summary>
    /// Template kind. Gratitude: Grant &amp; Gino 2010 (JPSP) 66 % vs 32 % help after thanks; Boomerang sign-offs 62 % vs
    /// 47.5 % → OR ≈ 1.3. Give-first: Regan 1971, an unsolicited favour doubles compliance → OR 1.5 (ml.md range 1.3–2).
    /// Referral introduction: ml.md §6 OR 2–4 → 2.5. An introduction ask is a request on the recipient's time → OR 0.8.
    /// </summary>
    public static double Template(TemplateKind kind) => kind switch
    {
        TemplateKind.ThankYou => Math.Log(1.3),
        TemplateKind.GiveFirst => Math.Log(1.5),
        TemplateKind.Intro => Math.Log(2.5),
        TemplateKind.IntroAsk => Math.Log(0.8),
        TemplateKind.StayInTouch => Math.Log(0.9),
        _ => 0,
    };

    /// <summary>
    /// Channel: LinkedIn InMail statistics (2021–22; SHRM 2021) concern length, not channel; an assumed small
    /// penalty for a hand-sent LinkedIn message read in a crowded inbox: OR 0.85.
    /// </summary>
    public static double Channel(Channel channel) => channel == History.Channel.LinkedIn ? Math.Log(0.85) : 0;

    /// <summary>Personalisation: LinkedIn/vendor data, OR 1.5–2.5 (ml.md §6): 0.3 + 0.08·log1p(chars), OR ≈ 2 at 150 characters.</summary>
    public static double Personalisation(int personalNoteChars) => personalNoteChars > 0 ? 0.3 + (0.08 * Math.Log(1 + personalNoteChars)) : 0;

    /// <summary>Reciprocity: Regan 1971, a small favour roughly doubles compliance; ml.md §6 range 1.3–2 → OR 1.5.</summary>
    public static double OffersHelp(bool offersHelp) => offersHelp ? Math.Log(1.5) : 0;

    /// <summary>
    /// Length, Boomerang 2016 (40M emails): 50–125 words best; ≤10 words ~30 % fewer replies (RR 0.7); slow decline past
    /// 125, faster past 500 (RR ≈ 0.7 at &gt;500 in ml.md §6).
    /// </summary>
    public static double Length(int words) => FeatureBins.Length(words) switch
    {
        0 => Math.Log(0.68),
        1 => Math.Log(0.88),
        2 => 0,
        3 => Math.Log(0.95),
        4 => Math.Log(0.82),
        _ => Math.Log(0.68),
    };

    /// <summary>Questions, Boomerang 2016: 1–3 questions ~50 % more replies than none (OR 1.5); more questions fade the gain.</summary>
    public static double Questions(int questions) => FeatureBins.Questions(questions) switch
    {
        0 => 0,
        1 => Math.Log(1.5),
        _ => Math.Log(1.1),
    };

    /// <summary>Day and time, Yesware (500k emails): weekends slightly higher, 6–8 am and ~8 pm best; a small effect (OR ≈ 1.1).</summary>
    public static double SendTime(DateTimeOffset sentAt)
    {
        var weekend = FeatureBins.IsWeekend(sentAt) ? Math.Log(1.1) : 0;
        var hour = FeatureBins.Hour(sentAt.Hour) switch
        {
            0 => Math.Log(0.9),
            1 => Math.Log(1.1),
            4 => Math.Log(1.08),
            _ => 0,
        };
        return weekend + hour;
    }

    /// <summary>
    /// Seniority, Kooti et al. WWW 2015 (heavier inboxes reply to a smaller share) and Milkman et al. 2012 (higher-paid
    /// recipients are more selective): OR 0.6–0.8 for senior recipients (ml.md §6).
    /// </summary>
    public static double Seniority(Seniority seniority) => seniority switch
    {
        Features.Seniority.Intern => Math.Log(1.25),
        Features.Seniority.Junior => Math.Log(1.1),
        Features.Seniority.Manager => Math.Log(0.9),
        Features.Seniority.Director => Math.Log(0.78),
        Features.Seniority.VicePresident => Math.Log(0.7),
        Features.Seniority.Executive => Math.Log(0.62),
        _ => 0,
    };

    /// <summary>
    /// The summed log-odds of an outreach's observable features (without intercept and contact heterogeneity). The
    /// generator measures every message; an unmeasured note or question count counts at its reference level.
    /// </summary>
    public static double LogOdds(OutreachFeatures f) =>
        Relationship(f.Relationship) + Recency(f.DaysSinceMet) + Step(f.Step) + Template(f.TemplateKind) + Channel(f.Channel)
        + Personalisation(f.PersonalNoteChars ?? 0) + OffersHelp(f.OffersHelp) + Length(f.WordCount ?? 100) + Questions(f.QuestionCount ?? 0)
        + SendTime(f.SentAt) + Seniority(SeniorityParser.Parse(f.RecipientPosition));
}
