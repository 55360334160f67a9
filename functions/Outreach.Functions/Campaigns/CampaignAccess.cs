namespace Outreach.Functions.Campaigns;

/// <summary>How the acting owner reaches a campaign.</summary>
internal enum CampaignAccess
{
    /// <summary>Stored in the owner's partition: editable.</summary>
    Own,

    /// <summary>One of the default campaigns: read-only.</summary>
    Default,

    /// <summary>A consented coach's campaign shared with the owner: read-only, usable for enrolment.</summary>
    Shared,
}
