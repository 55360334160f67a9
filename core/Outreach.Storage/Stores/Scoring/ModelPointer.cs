namespace Outreach.Storage.Stores.Scoring;

/// <summary>The <c>deployed.json</c> blob: which artifact blob the scorer uses.</summary>
/// <param name="Blob">The artifact's blob name (<c>artifacts/v000002-&lt;id&gt;.json</c>).</param>
/// <param name="ModelId">The model's id.</param>
/// <param name="Version">The model's version.</param>
/// <param name="Origin">Where its training rows came from (<c>history</c> or <c>synthetic-prior</c>).</param>
/// <param name="DeployedUtc">When it was deployed.</param>
public sealed record ModelPointer(string Blob, string ModelId, int Version, string Origin, DateTimeOffset DeployedUtc);
