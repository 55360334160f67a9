namespace Outreach.Core.Planning;

/// <summary>How a task reaches the contact.</summary>
public enum TaskChannel
{
    /// <summary>Sent from the owner's mailbox over SMTP.</summary>
    Email,

    /// <summary>A drafted LinkedIn message the owner sends by hand and marks done (no cap: Outreach does not send it).</summary>
    LinkedIn,
}
