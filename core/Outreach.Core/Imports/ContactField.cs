namespace Outreach.Core.Imports;

/// <summary>The contact fields an import column can feed.</summary>
public enum ContactField
{
    /// <summary>Given name.</summary>
    FirstName,

    /// <summary>Family name.</summary>
    LastName,

    /// <summary>Full name in one cell (split into first and last when those columns are absent or empty).</summary>
    FullName,

    /// <summary>Email address.</summary>
    Email,

    /// <summary>LinkedIn profile URL.</summary>
    LinkedInUrl,

    /// <summary>Employer or organisation.</summary>
    Company,

    /// <summary>Job title.</summary>
    Position,

    /// <summary>LinkedIn "Connected On" date.</summary>
    ConnectedOn,

    /// <summary>Event where the owner met the person.</summary>
    Event,

    /// <summary>Date they met.</summary>
    MetOn,

    /// <summary>What was talked about.</summary>
    Notes,

    /// <summary>What the owner can offer.</summary>
    Offer,

    /// <summary>Tags, separated by commas, semicolons or <c>:::</c>.</summary>
    Tags,
}
