namespace Outreach.Core.Campaigns;

/// <summary>Who owns a campaign.</summary>
public enum CampaignOwnerKind
{
    /// <summary>A student (or job seeker) running it for their own contacts.</summary>
    Student,

    /// <summary>A career coach who may share it with their clients.</summary>
    Coach,
}
