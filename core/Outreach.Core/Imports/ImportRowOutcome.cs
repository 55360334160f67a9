namespace Outreach.Core.Imports;

/// <summary>What happened to one data row.</summary>
public enum ImportRowOutcome
{
    /// <summary>A new contact was created from it.</summary>
    New,

    /// <summary>It was merged into a contact created by an earlier row of this file, or it added something to a stored contact.</summary>
    Merged,

    /// <summary>It matched a stored contact and added nothing (re-importing a file gives only these).</summary>
    Unchanged,

    /// <summary>It was refused; see its errors.</summary>
    Rejected,
}
