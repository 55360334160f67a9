using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Outreach.Core.Campaigns;
using Outreach.Core.Planning;
using Outreach.Core.Senders;
using Outreach.Core.Sending;
using Outreach.Functions.Invocation;
using Outreach.Storage;
using Outreach.Storage.Stores;
using Outreach.Storage.Stores.Planning;

namespace Outreach.Functions.Dispatching;

/// <summary>
/// <c>builder.Services.AddDispatching()</c>: the <c>DispatchDue</c> and <c>SweepStuckSends</c> timers, the enrolment service, and the table stores
/// both use, over the app's <see cref="StorageAccount"/>. Stores are added with TryAdd, so another feature registering
/// the same stores (or a test replacing one) wins without conflict. Tables and the send queue are created on first
/// use: callers of <c>EnrolmentService</c> (the campaign endpoints) await <c>DispatchStorage.EnsureCreatedAsync</c>
/// first, as the timer does.
/// </summary>
internal static class DispatchingServiceCollectionExtensions
{
    /// <summary>Table names, for running several environments in one account (section <c>Tables</c>).</summary>
    public const string TablesSectionName = "Tables";

    public static IServiceCollection AddDispatching(this IServiceCollection services)
    {
        services.AddOptions<DispatchingOptions>().BindConfiguration(DispatchingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StoreTableNames>().BindConfiguration(TablesSectionName);
        services.TryAddSingleton(sp => new TableStores(sp.GetRequiredService<StorageAccount>(), sp.GetRequiredService<IOptions<StoreTableNames>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ITaskStore>(sp => sp.GetRequiredService<TableStores>().Tasks);
        services.TryAddSingleton<ITaskListing>(sp => sp.GetRequiredService<TableStores>().Tasks);
        services.TryAddSingleton<IDueIndex>(sp => sp.GetRequiredService<TableStores>().DueIndex);
        services.TryAddSingleton<ISuppressionStore>(sp => sp.GetRequiredService<TableStores>().Suppressions);
        services.TryAddSingleton<ISenderActivityStore>(sp => sp.GetRequiredService<TableStores>().SenderActivity);
        services.TryAddSingleton<IDispatchCursorStore>(sp => sp.GetRequiredService<TableStores>().DispatchCursor);
        services.TryAddSingleton<ICampaignStore>(sp => sp.GetRequiredService<TableStores>().Campaigns);
        services.TryAddSingleton<ISenderProfileStore>(sp => sp.GetRequiredService<TableStores>().Senders);
        services.TryAddSingleton<ITaskScorer, NeutralTaskScorer>();
        services.TryAddSingleton<DispatchStorage>();
        services.TryAddSingleton<ISendRequestSink>(sp => new QueueSendRequestSink(sp.GetRequiredService<DispatchStorage>().SendQueue));

        services.TryAddTransient(sp => new DueDispatcher(
            sp.GetRequiredService<IDispatchCursorStore>(),
            sp.GetRequiredService<IDueIndex>(),
            sp.GetRequiredService<ITaskStore>(),
            sp.GetRequiredService<ITaskListing>(),
            sp.GetRequiredService<ISenderProfileStore>(),
            sp.GetRequiredService<ISenderActivityStore>(),
            sp.GetRequiredService<ISuppressionStore>(),
            sp.GetRequiredService<ITaskScorer>(),
            sp.GetRequiredService<ISendRequestSink>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<DispatchingOptions>>().Value.ToDispatcherOptions()));
        services.TryAddTransient(sp => new EnrolmentService(
            sp.GetRequiredService<ISenderProfileStore>(),
            sp.GetRequiredService<ISuppressionStore>(),
            sp.GetRequiredService<ITaskStore>(),
            sp.GetRequiredService<IDueIndex>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddTransient(sp => new StuckSendSweeper(
            sp.GetRequiredService<TableStores>().SendSweepCursor,
            sp.GetRequiredService<IDueIndex>(),
            sp.GetRequiredService<ITaskStore>(),
            sp.GetRequiredService<ISendRequestSink>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<DispatchingOptions>>().Value.StuckSendAfter,
            sp.GetRequiredService<IOptions<SendingOptions>>().Value.StaleClaimAfter));
        services.AddTimerFunction<SweepStuckSendsFunction>();
        return services.AddTimerFunction<DispatchDueFunction>();
    }
}
