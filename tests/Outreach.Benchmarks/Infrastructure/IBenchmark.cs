namespace Outreach.Benchmarks.Infrastructure;

/// <summary>
/// One benchmark entry point, selected by <see cref="Name"/> on the command line
/// (<c>dotnet run -c Release --project tests/Outreach.Benchmarks -- NAME [--option value ...]</c>).
/// Implementations are discovered by reflection, so adding a benchmark is adding one class.
/// </summary>
internal interface IBenchmark
{
    string Name { get; }

    string Description { get; }

    Task RunAsync(BenchmarkArguments arguments, BenchmarkReport report, CancellationToken cancellationToken);
}
