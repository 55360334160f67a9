namespace Outreach.Core.Campaigns;

/// <summary>What a step's delay counts.</summary>
public enum DelayUnit
{
    /// <summary>Days that are neither a weekend day nor a holiday of the sender's calendar.</summary>
    BusinessDays,

    /// <summary>Every day on the calendar.</summary>
    CalendarDays,
}
