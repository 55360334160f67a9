namespace Outreach.Core.Scoring.Features;

/// <summary>
/// The bins of the non-linear features. Length follows Boomerang's 2016 reply-rate bands (≤10, 11–49, 50–125,
/// 126–200, 201–500, &gt;500 words); questions follow its 0 / 1–3 / &gt;3 split; follow-ups are separated per step
/// because their effect is not monotone (Belkins 2023).
/// </summary>
public static class FeatureBins
{
    /// <summary>Labels of the word-count bins, in bin order.</summary>
    public static IReadOnlyList<string> LengthLabels { get; } = ["<=10", "11-49", "50-125", "126-200", "201-500", ">500"];

    /// <summary>Labels of the question-count bins.</summary>
    public static IReadOnlyList<string> QuestionLabels { get; } = ["0", "1-3", ">3"];

    /// <summary>Labels of the step bins.</summary>
    public static IReadOnlyList<string> StepLabels { get; } = ["1", "2", "3", "4+"];

    /// <summary>Labels of the days-since-met bins.</summary>
    public static IReadOnlyList<string> RecencyLabels { get; } = ["0-7", "8-30", "31-90", "91-365", ">365"];

    /// <summary>Labels of the local send-hour buckets.</summary>
    public static IReadOnlyList<string> HourLabels { get; } = ["0-5", "6-8", "9-11", "12-16", "17-20", "21-23"];

    /// <summary>The word-count bin of a message.</summary>
    public static int Length(int words) => words switch
    {
        <= 10 => 0,
        <= 49 => 1,
        <= 125 => 2,
        <= 200 => 3,
        <= 500 => 4,
        _ => 5,
    };

    /// <summary>The question-count bin.</summary>
    public static int Questions(int questions) => questions switch
    {
        <= 0 => 0,
        <= 3 => 1,
        _ => 2,
    };

    /// <summary>The step bin (steps 4 and later share one).</summary>
    public static int Step(int step) => Math.Clamp(step, 1, 4) - 1;

    /// <summary>The days-since-met bin.</summary>
    public static int Recency(double days) => days switch
    {
        <= 7 => 0,
        <= 30 => 1,
        <= 90 => 2,
        <= 365 => 3,
        _ => 4,
    };

    /// <summary>The local send-hour bucket.</summary>
    public static int Hour(int hour) => hour switch
    {
        <= 5 => 0,
        <= 8 => 1,
        <= 11 => 2,
        <= 16 => 3,
        <= 20 => 4,
        _ => 5,
    };

    /// <summary>Whether the local send day is Saturday or Sunday.</summary>
    public static bool IsWeekend(DateTimeOffset sentAt) => sentAt.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
