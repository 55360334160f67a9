namespace Outreach.Core.Campaigns;

/// <summary>
/// How long after its anchor a step is due: the first step counts from the day the contact was met, later steps from
/// the day the previous step is due. Days are counted in the sender's local calendar.
/// </summary>
/// <param name="Amount">How many days (zero: the anchor day itself, or the next business day for business days).</param>
/// <param name="Unit">Business or calendar days.</param>
public readonly record struct StepDelay(int Amount, DelayUnit Unit)
{
    /// <summary>A delay of <paramref name="amount"/> business days.</summary>
    public static StepDelay BusinessDays(int amount) => new(amount, DelayUnit.BusinessDays);

    /// <summary>A delay of <paramref name="amount"/> calendar days.</summary>
    public static StepDelay CalendarDays(int amount) => new(amount, DelayUnit.CalendarDays);
}
