using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Outreach.Core.Campaigns;
using Outreach.Core.Outcomes;
using Outreach.Core.Planning;
using Outreach.Core.Senders;
using Outreach.Functions.Invocation;
using Outreach.Storage;
using Outreach.Storage.Stores;
using Outreach.Storage.Stores.Scoring;

namespace Outreach.Functions.Scoring;

/// <summary>
/// <c>builder.Services.AddResponseModel()</c>: the model store (blob container <see cref="BlobModelStore.DefaultContainer"/>),
/// the history assembly, the model-backed <see cref="ITaskScorer"/> in place of <see cref="NeutralTaskScorer"/>, and the
/// <c>RetrainModel</c> timer. Call it after <c>AddDispatching()</c>, whose stores it uses; it reads the
/// <see cref="IOutcomeStore"/> that <c>AddOutcomes()</c> registers, and renders drafts for scoring with the stores and
/// <see cref="Core.Sending.MessageComposer"/> that <c>AddSending()</c> registers.
/// </summary>
internal static class ScoringServiceCollectionExtensions
{
    public static IServiceCollection AddResponseModel(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new BlobModelStore(sp.GetRequiredService<StorageAccount>().GetBlobContainer(BlobModelStore.DefaultContainer)));
        services.TryAddSingleton(sp => new TableSentTaskReader(
            sp.GetRequiredService<StorageAccount>().GetTable(sp.GetRequiredService<IOptions<StoreTableNames>>().Value.Tasks)));
        services.TryAddSingleton(sp => new TableDueDraftReader(
            sp.GetRequiredService<StorageAccount>().GetTable(sp.GetRequiredService<IOptions<StoreTableNames>>().Value.Tasks)));
        services.TryAddSingleton<DeployedModelDrafts>();
        services.TryAddSingleton<DeployedModels>();
        services.TryAddSingleton(sp => new OutreachFeatureSource(
            sp.GetRequiredService<TableStores>().Contacts,
            sp.GetRequiredService<ICampaignStore>(),
            sp.GetRequiredService<ISenderProfileStore>()));
        services.TryAddSingleton(sp => new HistoryAssembler(
            sp.GetRequiredService<TableSentTaskReader>(),
            sp.GetRequiredService<IOutcomeStore>(),
            sp.GetRequiredService<OutreachFeatureSource>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<DraftMeasurer>();
        services.TryAddSingleton<ModelRetrainer>();
        services.Replace(ServiceDescriptor.Singleton<ITaskScorer, ModelTaskScorer>());
        return services.AddTimerFunction<RetrainModelFunction>();
    }
}
