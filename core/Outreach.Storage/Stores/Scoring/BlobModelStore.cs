using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Outreach.Core.Scoring;
using Outreach.Storage.Blobs;

namespace Outreach.Storage.Stores.Scoring;

/// <summary>
/// Response-model artifacts in one blob container (<see cref="DefaultContainer"/>): every model ever trained as an
/// immutable versioned JSON blob (<c>artifacts/v000002-&lt;id&gt;.json</c>), a <c>deployed.json</c> pointer naming the one
/// in use, and one record per retraining run (<c>training/…</c>). <see cref="GetDeployedAsync"/> re-reads the pointer
/// with <c>If-None-Match</c> and keeps the loaded model while it is unchanged, so scoring never re-downloads an artifact.
/// Thread-safe.
/// </summary>
/// <param name="container">The container (e.g. <c>account.GetBlobContainer(BlobModelStore.DefaultContainer)</c>).</param>
public sealed class BlobModelStore(BlobContainerClient container)
{
    /// <summary>The container the app keeps models in.</summary>
    public const string DefaultContainer = "models";

    /// <summary>The pointer blob's name.</summary>
    public const string PointerBlob = "deployed.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Metrics are NaN when a hold-out has one class only; keep them rather than fail the record.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = true,
    };

    private readonly BlobContainerClient _container = container ?? throw new ArgumentNullException(nameof(container));
    private volatile Cached? _cached;

    /// <summary>Creates the container if it does not exist.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _container.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>The artifact blob name of <paramref name="model"/>.</summary>
    public static string BlobNameOf(ResponseModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return string.Create(CultureInfo.InvariantCulture, $"artifacts/v{model.Version:D6}-{model.Id}.json");
    }

    /// <summary>Stores the artifact and points <c>deployed.json</c> at it.</summary>
    public async Task<ModelPointer> DeployAsync(ResponseModel model, DateTimeOffset deployedUtc, CancellationToken cancellationToken)
    {
        var pointer = await SaveArtifactAsync(model, deployedUtc, cancellationToken).ConfigureAwait(false);
        await _container.UploadAsync(PointerBlob, new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(pointer, Json)), "application/json", overwrite: true, cancellationToken).ConfigureAwait(false);
        return pointer;
    }

    /// <summary>
    /// Stores the artifact and deploys it only if no model is deployed yet (<c>If-None-Match: *</c> on the pointer), so
    /// two instances starting cold at once agree on one prior.
    /// </summary>
    /// <returns>True when this call deployed it.</returns>
    public async Task<bool> DeployIfNoneAsync(ResponseModel model, DateTimeOffset deployedUtc, CancellationToken cancellationToken)
    {
        var pointer = await SaveArtifactAsync(model, deployedUtc, cancellationToken).ConfigureAwait(false);
        return await _container.UploadAsync(PointerBlob, new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(pointer, Json)), "application/json", overwrite: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The deployed model with its pointer, or null when none is deployed. One conditional request while unchanged.</summary>
    /// <exception cref="Outreach.Core.DomainException">The pointer or the artifact it names is not a valid model.</exception>
    public async Task<DeployedModel?> GetDeployedAsync(CancellationToken cancellationToken)
    {
        var cached = _cached;
        var read = await _container.DownloadIfChangedAsync(PointerBlob, cached?.ETag, cancellationToken).ConfigureAwait(false);
        switch (read.Status)
        {
            case BlobDownloadStatus.NotFound:
                _cached = null;
                return null;
            case BlobDownloadStatus.NotModified when cached is not null:
                return cached.Model;
        }

        var pointer = ReadPointer(read.Content ?? []);
        var model = cached is not null && string.Equals(cached.Model.Deployment.Blob, pointer.Blob, StringComparison.Ordinal)
            ? cached.Model.Model
            : await LoadArtifactAsync(pointer.Blob, cancellationToken).ConfigureAwait(false);
        var deployed = new DeployedModel(model, pointer);
        _cached = new Cached(read.ETag, deployed);
        return deployed;
    }

    /// <summary>Keeps the record of one retraining run.</summary>
    public async Task SaveTrainingRecordAsync(ModelTrainingRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var name = string.Create(CultureInfo.InvariantCulture, $"training/{record.RunUtc.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid():N}.json");
        await _container.UploadAsync(name, new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(record, Json)), "application/json", overwrite: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every retraining record, oldest first.</summary>
    public async Task<IReadOnlyList<ModelTrainingRecord>> ListTrainingRecordsAsync(CancellationToken cancellationToken)
    {
        var records = new List<ModelTrainingRecord>();
        await foreach (var item in _container.ListAsync("training/", cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var read = await _container.DownloadIfChangedAsync(item.Name, null, cancellationToken).ConfigureAwait(false);
            if (read.Content is { } content && JsonSerializer.Deserialize<ModelTrainingRecord>(content, Json) is { } record)
            {
                records.Add(record);
            }
        }

        return [.. records.OrderBy(r => r.RunUtc)];
    }

    /// <summary>The latest retraining run's record, or null before the first run. Lists the record names and reads one.</summary>
    public async Task<ModelTrainingRecord?> GetLatestTrainingRecordAsync(CancellationToken cancellationToken)
    {
        // Record names start with the run's UTC time to the second, so the last name in list order is the latest run.
        string? latest = null;
        await foreach (var item in _container.ListAsync("training/", cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            latest = latest is null || string.CompareOrdinal(item.Name, latest) > 0 ? item.Name : latest;
        }

        if (latest is null)
        {
            return null;
        }

        var read = await _container.DownloadIfChangedAsync(latest, null, cancellationToken).ConfigureAwait(false);
        return read.Content is { } content ? JsonSerializer.Deserialize<ModelTrainingRecord>(content, Json) : null;
    }

    private static ModelPointer ReadPointer(byte[] content)
    {
        ModelPointer? pointer;
        try
        {
            pointer = JsonSerializer.Deserialize<ModelPointer>(content, Json);
        }
        catch (JsonException e)
        {
            throw new Outreach.Core.DomainException($"The deployed-model pointer {PointerBlob} is not a pointer: {e.Message}", e);
        }

        return pointer is { Blob: not null }
            ? pointer
            : throw new Outreach.Core.DomainException("model.pointer-invalid", "The deployed-model pointer names no artifact blob.", PointerBlob);
    }

    private async Task<ModelPointer> SaveArtifactAsync(ResponseModel model, DateTimeOffset deployedUtc, CancellationToken cancellationToken)
    {
        var name = BlobNameOf(model);
        using var buffer = new MemoryStream();
        await model.SaveAsync(buffer, cancellationToken).ConfigureAwait(false);
        buffer.Position = 0;
        // Artifacts are immutable: the id is fresh per training, so a second upload of the same name is the same bytes.
        await _container.UploadAsync(name, buffer, "application/json", overwrite: true, cancellationToken).ConfigureAwait(false);
        return new ModelPointer(name, model.Id, model.Version, model.Origin, deployedUtc);
    }

    private async Task<ResponseModel> LoadArtifactAsync(string blobName, CancellationToken cancellationToken)
    {
        var read = await _container.DownloadIfChangedAsync(blobName, null, cancellationToken).ConfigureAwait(false);
        if (read.Content is null)
        {
            throw new Outreach.Core.DomainException("model.artifact-missing", $"The deployed-model pointer names artifact '{blobName}', which does not exist.", blobName);
        }

        using var stream = new MemoryStream(read.Content, writable: false);
        return await ResponseModel.LoadAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    private sealed record Cached(ETag? ETag, DeployedModel Model);
}
