using System.Diagnostics;

namespace Outreach.Benchmarks.Import;

/// <summary>A result with the wall time and the process CPU time it took.</summary>
internal readonly record struct Measured<T>(T Result, TimeSpan WallTime, TimeSpan CpuTime);

internal static class Measured
{
    public static async Task<Measured<T>> RunAsync<T>(Func<Task<T>> action)
    {
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var result = await action();
        var wall = stopwatch.Elapsed;
        process.Refresh();
        return new Measured<T>(result, wall, process.TotalProcessorTime - cpuBefore);
    }
}
