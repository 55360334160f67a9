using Outreach.Core.Scoring;
using Outreach.Core.Scoring.Synthetic;
using Outreach.Storage.Blobs;
using Outreach.Storage.Stores.Scoring;
using Outreach.Testing.LocalServices;
using Outreach.Testing.Time;

namespace Outreach.Storage.Tests.Stores.Scoring;

[Collection(AzuriteGroup.Name)]
public sealed class BlobModelStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 2, 30, 0, TimeSpan.Zero);
    private static readonly ResponseModel First = SyntheticPriorModel.Train(4000, 11, new ManualTimeProvider(Now)).Model;
    private static readonly ResponseModel Second = SyntheticPriorModel.Train(4000, 12, new ManualTimeProvider(Now)).Model;

    private readonly StorageAccount _account = TestAccounts.For(azurite);

    private async Task<(BlobModelStore Store, BlobContainerClient Container)> NewStoreAsync()
    {
        var container = _account.GetBlobContainer(TestAccounts.UniqueName("models"));
        var store = new BlobModelStore(container);
        await store.EnsureCreatedAsync(CancellationToken.None);
        return (store, container);
    }

    [Fact]
    public async Task Nothing_is_deployed_in_an_empty_container()
    {
        var (store, _) = await NewStoreAsync();

        Assert.Null(await store.GetDeployedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_deployed_model_is_read_back_with_its_pointer_and_kept_while_the_pointer_is_unchanged()
    {
        var (store, container) = await NewStoreAsync();

        var pointer = await store.DeployAsync(First, Now, CancellationToken.None);
        var deployed = await store.GetDeployedAsync(CancellationToken.None);
        var again = await store.GetDeployedAsync(CancellationToken.None);

        Assert.Equal(new ModelPointer($"artifacts/v000001-{First.Id}.json", First.Id, 1, ModelOrigin.SyntheticPrior, Now), pointer);
        Assert.Equal(pointer, deployed!.Deployment);
        Assert.Equal(First.Id, deployed.Model.Id);
        Assert.Equal(First.Weights, deployed.Model.Weights);
        Assert.Same(deployed, again); // 304 on the pointer: the artifact was not downloaded again
        var blobs = new List<string>();
        await foreach (var item in container.ListAsync())
        {
            blobs.Add(item.Name);
        }

        Assert.Equal([$"artifacts/v000001-{First.Id}.json", BlobModelStore.PointerBlob], blobs);
    }

    [Fact]
    public async Task A_new_deployment_is_seen_by_a_store_that_cached_the_old_one_and_the_old_artifact_stays()
    {
        var (store, container) = await NewStoreAsync();
        var reader = new BlobModelStore(container);
        await store.DeployAsync(First, Now, CancellationToken.None);
        Assert.Equal(First.Id, (await reader.GetDeployedAsync(CancellationToken.None))!.Model.Id);

        await store.DeployAsync(Second, Now.AddDays(1), CancellationToken.None);

        var deployed = await reader.GetDeployedAsync(CancellationToken.None);
        Assert.Equal(Second.Id, deployed!.Model.Id);
        Assert.Equal(Now.AddDays(1), deployed.Deployment.DeployedUtc);
        Assert.NotNull(await container.OpenReadAsync(BlobModelStore.BlobNameOf(First)));
    }

    [Fact]
    public async Task Deploy_if_none_deploys_only_the_first_model()
    {
        var (store, _) = await NewStoreAsync();

        Assert.True(await store.DeployIfNoneAsync(First, Now, CancellationToken.None));
        Assert.False(await store.DeployIfNoneAsync(Second, Now, CancellationToken.None));

        Assert.Equal(First.Id, (await store.GetDeployedAsync(CancellationToken.None))!.Model.Id);
    }

    [Fact]
    public async Task Training_records_are_kept_and_listed_oldest_first()
    {
        var (store, _) = await NewStoreAsync();
        var refused = new ModelTrainingRecord(Now.AddDays(1), 2, 900, 45, false, "Hold-out log-loss does not beat the baseline.", "b", 2, "a", null);
        var deployed = new ModelTrainingRecord(Now, 1, 800, 40, true, "Beats the baseline.", "a", 1, null, First.Metrics);

        await store.SaveTrainingRecordAsync(refused, CancellationToken.None);
        await store.SaveTrainingRecordAsync(deployed, CancellationToken.None);

        var records = await store.ListTrainingRecordsAsync(CancellationToken.None);
        Assert.Equal([deployed.RunUtc, refused.RunUtc], records.Select(r => r.RunUtc));
        Assert.Equal(refused, records[1]);
        Assert.Equal(First.Metrics!.AreaUnderRocCurve, records[0].Metrics!.AreaUnderRocCurve);
    }
}
