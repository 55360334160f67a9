namespace Outreach.Core.Campaigns;

/// <summary>How a step would like to reach the contact.</summary>
public enum ChannelPreference
{
    /// <summary>Email when the contact has an address, otherwise a drafted LinkedIn message (the default: LinkedIn exports rarely carry emails).</summary>
    EmailWhenKnown,

    /// <summary>Email only; a contact without an address gets the step skipped with reason <c>no-email</c>.</summary>
    EmailOnly,

    /// <summary>Always a drafted LinkedIn message the owner sends by hand and marks done.</summary>
    LinkedInOnly,
}
