namespace Outreach.Core.Scoring;

/// <summary>
/// Platt scaling of the model's raw log-odds s: calibrated log-odds = <see cref="A"/>·s + <see cref="B"/>, fitted on
/// held-out rows with Platt's smoothed targets (N₊+1)/(N₊+2) and 1/(N₋+2). Identity is A = 1, B = 0.
/// </summary>
/// <param name="A">Slope.</param>
/// <param name="B">Intercept.</param>
public sealed record PlattCalibration(double A, double B)
{
    /// <summary>No calibration.</summary>
    public static PlattCalibration Identity { get; } = new(1, 0);
}
