using Outreach.Benchmarks.Infrastructure;

var benchmarks = typeof(IBenchmark).Assembly.GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .ToDictionary(b => b.Name, StringComparer.OrdinalIgnoreCase);

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var benchmark))
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/Outreach.Benchmarks -- <benchmark> [--option value ...]");
    foreach (var b in benchmarks.Values.OrderBy(b => b.Name, StringComparer.Ordinal))
    {
        Console.Error.WriteLine($"  {b.Name,-10} {b.Description}");
    }

    return args.Length == 0 ? 2 : 1;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
try
{
    await benchmark.RunAsync(new BenchmarkArguments(args[1..]), new BenchmarkReport(Console.Out), cancel.Token);
    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
