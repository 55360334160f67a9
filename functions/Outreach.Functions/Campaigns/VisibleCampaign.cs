using Outreach.Core.Campaigns;

namespace Outreach.Functions.Campaigns;

/// <summary>A campaign the acting owner may see, and how they reach it.</summary>
internal sealed record VisibleCampaign(Campaign Campaign, CampaignAccess Access);
