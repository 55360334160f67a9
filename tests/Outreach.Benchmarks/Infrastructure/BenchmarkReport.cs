using System.Text.Json;

namespace Outreach.Benchmarks.Infrastructure;

/// <summary>Writes one JSON object per figure to standard output: <c>{"name":…,"value":…,"unit":…}</c>.</summary>
internal sealed class BenchmarkReport(TextWriter output)
{
    public void Figure(string name, double value, string unit)
    {
        var line = JsonSerializer.Serialize(new { name, value = Math.Round(value, 4), unit });
        output.WriteLine(line);
        output.Flush();
    }

    /// <summary>A ratio of two figures measured in this same run, with the target it is judged against.</summary>
    public void Ratio(string name, double numerator, double denominator, double? target = null)
    {
        var value = denominator == 0 ? double.NaN : numerator / denominator;
        var line = target is { } t
            ? JsonSerializer.Serialize(new { name, value = Math.Round(value, 4), unit = "ratio", target = t, met = value >= t })
            : JsonSerializer.Serialize(new { name, value = Math.Round(value, 4), unit = "ratio" });
        output.WriteLine(line);
        output.Flush();
    }
}
