using Microsoft.Extensions.DependencyInjection.Extensions;
using Outreach.Core.Campaigns;
using Outreach.Core.Planning;
using Outreach.Core.Sending;
using Outreach.Storage.Stores;

namespace Outreach.Functions.Campaigns;

/// <summary>
/// <c>builder.Services.AddCampaigns()</c>: what the campaign, task and sender endpoints need on top of
/// <c>AddDispatching()</c> (which registers the stores and the enrolment service): the share index, the task listing,
/// contact reads, the campaign catalog and editor, the metrics of sends marked by hand, and the marking of drafts an edit
/// changed (<see cref="PendingDrafts"/>).
/// </summary>
internal static class CampaignsServiceCollectionExtensions
{
    public static IServiceCollection AddCampaigns(this IServiceCollection services)
    {
        services.TryAddSingleton<ICampaignShares>(sp => sp.GetRequiredService<TableStores>().CampaignShares);
        services.TryAddSingleton<ITaskListing>(sp => sp.GetRequiredService<TableStores>().Tasks);
        services.TryAddSingleton<IContactReader>(sp => sp.GetRequiredService<TableStores>().Contacts);
        services.TryAddSingleton<CampaignCatalog>();
        services.TryAddSingleton<CampaignEditor>();
        services.TryAddSingleton<HandSentMetrics>();
        services.TryAddSingleton<PendingDrafts>();
        return services;
    }
}
