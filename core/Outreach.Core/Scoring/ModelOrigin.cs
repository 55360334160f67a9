namespace Outreach.Core.Scoring;

/// <summary>Where a model's training rows came from (artifact field <c>origin</c>).</summary>
public static class ModelOrigin
{
    /// <summary>Trained on the pipeline's own outcomes.</summary>
    public const string History = "history";

    /// <summary>The cold-start prior, trained on synthetic history: literature effects, not this user's data.</summary>
    public const string SyntheticPrior = "synthetic-prior";
}
