using System.Text.Json;
using System.Text.Json.Serialization;

namespace Outreach.Core.Scoring;

/// <summary>Reads and writes <see cref="ModelArtifact"/> JSON, refusing schema versions newer than this code understands.</summary>
internal static class ModelArtifactJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // Metrics such as LogLossReduction are NaN when a hold-out has one class only; keep them rather than fail.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static async Task WriteAsync(Stream stream, ModelArtifact artifact, CancellationToken cancellationToken) =>
        await JsonSerializer.SerializeAsync(stream, artifact, Options, cancellationToken);

    public static void Write(Stream stream, ModelArtifact artifact) => JsonSerializer.Serialize(stream, artifact, Options);

    public static async Task<ModelArtifact> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            throw Invalid($"it is not JSON ({e.Message})", e);
        }

        using (document)
        {
            return FromDocument(document);
        }
    }

    public static ModelArtifact Read(Stream stream)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw Invalid($"it is not JSON ({e.Message})", e);
        }

        using (document)
        {
            return FromDocument(document);
        }
    }

    private static ModelArtifact FromDocument(JsonDocument document)
    {
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("schemaVersion", out var versionElement)
            || !versionElement.TryGetInt32(out var version))
        {
            throw new DomainException("model.artifact-invalid", "The model artifact has no integer schemaVersion.", "schemaVersion");
        }

        if (version > ModelArtifact.CurrentSchemaVersion)
        {
            throw new DomainException(
                "model.schema-unsupported",
                $"The model artifact has schema version {version}; this version of Outreach reads up to {ModelArtifact.CurrentSchemaVersion}. Upgrade Outreach or keep the previous model.",
                "schemaVersion");
        }

        if (version < 1)
        {
            throw new DomainException("model.artifact-invalid", $"The model artifact has schema version {version}; versions start at 1.", "schemaVersion");
        }

        ModelArtifact? artifact;
        try
        {
            artifact = document.Deserialize<ModelArtifact>(Options);
        }
        catch (JsonException e)
        {
            throw Invalid($"a field has the wrong shape at {e.Path}", e);
        }

        if (artifact is null)
        {
            throw Invalid("it is null", null);
        }

        ModelArtifactValidation.Check(artifact);
        if (artifact.Weights.Count != artifact.Features.Columns.Count)
        {
            throw new DomainException(
                "model.artifact-invalid",
                $"The model artifact has {artifact.Weights.Count} weights for {artifact.Features.Columns.Count} feature columns.",
                "weights");
        }

        return artifact;
    }

    private static DomainException Invalid(string why, Exception? inner) =>
        inner is null
            ? new DomainException("model.artifact-invalid", $"The model artifact cannot be read: {why}.", "artifact")
            : new DomainException($"The model artifact cannot be read: {why}.", inner);
}
