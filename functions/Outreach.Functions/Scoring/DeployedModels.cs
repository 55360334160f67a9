using Outreach.Core.Scoring.Synthetic;
using Outreach.Storage.Stores.Scoring;

namespace Outreach.Functions.Scoring;

/// <summary>
/// The model scoring uses. On a cold start (nothing deployed) the synthetic prior (<see cref="SyntheticPriorModel"/>,
/// literature effects) is trained once and deployed, labelled <c>prior</c> wherever it is shown, until the nightly
/// retraining deploys a model of the pipeline's own outcomes. The container is created on first use, not at start-up,
/// so the handler starts while storage is unreachable.
/// </summary>
internal sealed partial class DeployedModels(BlobModelStore store, TimeProvider time, ILogger<DeployedModels> logger) : IDisposable
{
    /// <summary>Synthetic rows the prior is trained on: enough for stable literature effects, about a second to train.</summary>
    public const int PriorRows = 10_000;

    /// <summary>The prior's seed, fixed so every cold start deploys the same prior.</summary>
    public const int PriorSeed = 20260301;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _created;

    /// <summary>The deployed model, deploying the prior first when there is none.</summary>
    public async Task<DeployedModel> GetAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        if (await store.GetDeployedAsync(cancellationToken).ConfigureAwait(false) is { } deployed)
        {
            return deployed;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await store.GetDeployedAsync(cancellationToken).ConfigureAwait(false) is { } raced)
            {
                return raced;
            }

            var prior = SyntheticPriorModel.Train(PriorRows, PriorSeed, time, cancellationToken: cancellationToken).Model;
            // Another instance may deploy its prior first; then that one is used (same seed, same effects).
            if (await store.DeployIfNoneAsync(prior, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
            {
                LogPriorDeployed(logger, prior.Id, PriorRows);
            }

            return await store.GetDeployedAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The prior model was deployed but its pointer cannot be read back.");
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Creates the container once per process.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (!_created)
        {
            await store.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
            _created = true;
        }
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "No response model was deployed: deployed the synthetic prior {ModelId} trained on {Rows} synthetic rows")]
    private static partial void LogPriorDeployed(ILogger logger, string modelId, int rows);
}
