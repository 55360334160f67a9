using Outreach.Core.Scoring;

namespace Outreach.Storage.Stores.Scoring;

/// <summary>The model in use and the pointer that deployed it.</summary>
/// <param name="Model">The loaded model.</param>
/// <param name="Deployment">Which artifact, and when it was deployed.</param>
public sealed record DeployedModel(ResponseModel Model, ModelPointer Deployment);
