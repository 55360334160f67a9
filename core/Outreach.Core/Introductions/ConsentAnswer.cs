namespace Outreach.Core.Introductions;

/// <summary>B's answer to "would you like to be introduced?".</summary>
public enum ConsentAnswer
{
    /// <summary>Yes: introduce us.</summary>
    Yes,

    /// <summary>No, thank you.</summary>
    No,
}
