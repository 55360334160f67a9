using Outreach.Core.Scoring;

namespace Outreach.Functions.Scoring;

/// <summary>How a model's origin is shown: <c>prior</c> (literature effects, not the user's outcomes) or <c>trained</c>.</summary>
internal static class ModelLabels
{
    public const string Prior = "prior";
    public const string Trained = "trained";

    public static string OriginOf(ResponseModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return string.Equals(model.Origin, ModelOrigin.History, StringComparison.Ordinal) ? Trained : Prior;
    }

    /// <summary>A prediction's explanation: its top contributions in words, said to come from the prior when it does.</summary>
    public static string Explain(Prediction prediction, ResponseModel model)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        var reasons = prediction.Contributions.Count == 0
            ? "Nothing sets it apart from an average outreach."
            : string.Join("; ", prediction.Contributions.Select(c => c.Wording));
        return OriginOf(model) == Prior ? $"{Prior} model (published effects, not your replies yet): {reasons}" : reasons;
    }
}
