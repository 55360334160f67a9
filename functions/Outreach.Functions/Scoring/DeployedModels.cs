using Outreach.Core;
using Outreach.Core.Scoring;
using Outreach.Core.Scoring.Synthetic;
using Outreach.Storage;
using Outreach.Storage.Stores.Scoring;

namespace Outreach.Functions.Scoring;

/// <summary>
/// The model scoring uses. On a cold start (nothing deployed) the synthetic prior (<see cref="SyntheticPriorModel"/>,
/// literature effects) is trained once and deployed, labelled <c>prior</c> wherever it is shown, until the nightly
/// retraining deploys a model of the pipeline's own outcomes. The container is created on first use, not at start-up,
/// so the handler starts while storage is unreachable.
/// </summary>
/// <remarks>
/// A deployed artifact this version cannot read (written by a newer version before a rollback, trained on a feature
/// layout an upgrade changed, damaged or deleted) is not used and not overwritten: the prior, trained once per process,
/// stands in (labelled <c>prior</c>, as on a cold start) and a warning names the artifact and why. So the dispatcher
/// keeps sending and ranking, <c>GET /api/model</c> shows what actually scores, and the nightly retraining, which has no
/// readable model to be compared with, deploys a model of this version in its place. The LinkedIn drafts already due,
/// which owners rank by the score stored on them, are scored again by the prior as after a deployment
/// (<see cref="DeployedModelDrafts"/>), so the queue is not ranked by a model nothing uses any more mixed with the prior.
/// </remarks>
internal sealed partial class DeployedModels(BlobModelStore store, DeployedModelDrafts drafts, TimeProvider time, ILogger<DeployedModels> logger) : IDisposable
{
    /// <summary>Synthetic rows the prior is trained on: enough for stable literature effects, about a second to train.</summary>
    public const int PriorRows = 10_000;

    /// <summary>The prior's seed, fixed so every cold start deploys the same prior.</summary>
    public const int PriorSeed = 20260301;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _created;
    private ResponseModel? _prior;
    private DeployedModel? _standIn;

    /// <summary>Whether the due drafts were indexed to be scored by the stand-in (once per process, retried until it succeeds).</summary>
    private bool _standInRescoresDrafts;

    /// <summary>The deployed model, deploying the prior first when there is none, or the prior when the deployed one cannot be read.</summary>
    public async Task<DeployedModel> GetAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await store.GetDeployedAsync(cancellationToken).ConfigureAwait(false) is { } deployed)
            {
                return deployed;
            }
        }
        catch (DomainException e)
        {
            return await StandInAsync(e, cancellationToken).ConfigureAwait(false);
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await store.GetDeployedAsync(cancellationToken).ConfigureAwait(false) is { } raced)
            {
                return raced;
            }

            var prior = Prior(cancellationToken);
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

    /// <summary>The prior in place of a deployed model that cannot be read; built (and the problem logged) once per process.</summary>
    private async Task<DeployedModel> StandInAsync(DomainException unreadable, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_standIn is null)
            {
                var prior = Prior(cancellationToken);
                _standIn = new DeployedModel(prior, new ModelPointer(BlobModelStore.BlobNameOf(prior), prior.Id, prior.Version, prior.Origin, time.GetUtcNow()));
                LogUnreadable(logger, unreadable.Code, unreadable.Target, unreadable.Message, prior.Id);
            }

            if (!_standInRescoresDrafts)
            {
                try
                {
                    var drafted = await drafts.ScoreAgainAsync(_standIn.Model.Id, cancellationToken).ConfigureAwait(false);
                    _standInRescoresDrafts = true;
                    LogDraftsRescored(logger, drafted, _standIn.Model.Id);
                }
                catch (StorageRequestException e)
                {
                    // Scoring must go on: the drafts keep their old score until a later call indexes them.
                    LogDraftsNotRescored(logger, e.Status, e.ErrorCode);
                }
            }

            return _standIn;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The synthetic prior, trained on first use. Call under <see cref="_gate"/>.</summary>
    private ResponseModel Prior(CancellationToken cancellationToken) =>
        _prior ??= SyntheticPriorModel.Train(PriorRows, PriorSeed, time, cancellationToken: cancellationToken).Model;

    [LoggerMessage(Level = LogLevel.Information, Message = "No response model was deployed: deployed the synthetic prior {ModelId} trained on {Rows} synthetic rows")]
    private static partial void LogPriorDeployed(ILogger logger, string modelId, int rows);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The deployed response model cannot be used by this version ({Code}, {Target}: {Reason}); scoring with the synthetic prior {PriorId} until the nightly retraining deploys a model this version reads")]
    private static partial void LogUnreadable(ILogger logger, string code, string? target, string reason, string priorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexed {Drafts} due LinkedIn drafts to be scored again by the stand-in prior {PriorId}")]
    private static partial void LogDraftsRescored(ILogger logger, int drafts, string priorId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not index the due LinkedIn drafts to be scored again by the stand-in prior ({Status} {ErrorCode}); trying again on the next use")]
    private static partial void LogDraftsNotRescored(ILogger logger, int status, string? errorCode);
}
