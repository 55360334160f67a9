using CsvHelper;
using Outreach.Benchmarks.Infrastructure;
using Outreach.Core.Contacts;
using Outreach.Core.Imports;

namespace Outreach.Benchmarks.Import;

/// <summary>
/// Contact import throughput against a bare CsvHelper read of the same file, and the import's peak managed
/// memory. <c>--rows N</c> (default 100000) rows of a generated LinkedIn export; <c>--seed S</c> (default 42).
/// The pipeline runs against an in-memory directory and a sink that only counts (no storage).
/// </summary>
internal sealed class ImportBenchmark : IBenchmark
{
    public string Name => "import";

    public string Description => "contact import rows/s vs a bare CsvHelper read, and peak managed memory (--rows N, default 100000)";

    public async Task RunAsync(BenchmarkArguments arguments, BenchmarkReport report, CancellationToken cancellationToken)
    {
        var rows = arguments.Int("rows", 100_000);
        var seed = arguments.Int("seed", 42);
        var folder = Directory.CreateTempSubdirectory("outreach-import-bench-");
        try
        {
            var file = Path.Combine(folder.FullName, "Connections.csv");
            var warmUp = Path.Combine(folder.FullName, "WarmUp.csv");
            await LinkedInExportGenerator.WriteAsync(file, rows, seed, cancellationToken);
            await LinkedInExportGenerator.WriteAsync(warmUp, Math.Min(rows, 50_000), seed + 1, cancellationToken);

            // Warm up both paths (JIT, file cache). Tiered compilation promotes hot methods on a background thread
            // after a quiet spell; on a busy machine that lags, so pause for it between the warm-up rounds, or
            // the measured run is partly tier-0 code.
            for (var i = 0; i < 6; i++)
            {
                await BareCsvHelperAsync(warmUp, cancellationToken);
                await PipelineAsync(warmUp, cancellationToken);
                await Task.Delay(TimeSpan.FromMilliseconds(300), cancellationToken);
            }

            ForceFullCollection();
            var bare = await Measured.RunAsync(() => BareCsvHelperAsync(file, cancellationToken));

            ForceFullCollection();
            using var sampler = new PeakMemorySampler();
            var pipeline = await Measured.RunAsync(() => PipelineAsync(file, cancellationToken));
            var peak = sampler.Stop();

            // The build machine is shared (load far above its core count), so wall time mostly measures the
            // neighbours. Rows per CPU second of this process is the fair figure; wall-clock ones are printed too.
            var bareRowsPerSecond = bare.Result / bare.CpuTime.TotalSeconds;
            var pipelineRowsPerSecond = pipeline.Result.Report.RowsRead / pipeline.CpuTime.TotalSeconds;
            report.Figure("import.rows", pipeline.Result.Report.RowsRead, "rows");
            report.Figure("import.accepted", pipeline.Result.Report.Accepted, "rows");
            report.Figure("import.merged", pipeline.Result.Report.Merged, "rows");
            report.Figure("import.rejected", pipeline.Result.Report.Rejected, "rows");
            report.Figure("import.file_size", new FileInfo(file).Length / (1024.0 * 1024.0), "MiB");
            report.Figure("import.bare_csvhelper_rows_per_s", bareRowsPerSecond, "rows/s");
            report.Figure("import.pipeline_rows_per_s", pipelineRowsPerSecond, "rows/s");
            report.Ratio("import.pipeline_vs_bare_csvhelper", pipelineRowsPerSecond, bareRowsPerSecond, target: 0.5);
            report.Figure("import.bare_csvhelper_rows_per_wall_s", bare.Result / bare.WallTime.TotalSeconds, "rows/s");
            report.Figure("import.pipeline_rows_per_wall_s", pipeline.Result.Report.RowsRead / pipeline.WallTime.TotalSeconds, "rows/s");
            report.Figure("import.peak_managed_memory", peak / (1024.0 * 1024.0), "MiB");
            report.Figure("import.sink_batches", pipeline.Result.Batches, "batches");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>CsvHelper alone: every field of every record materialised as a string.</summary>
    private static async Task<long> BareCsvHelperAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        await using var reader = CsvReader.Create(stream, CsvReaderOptions.Default with { HasHeader = false, Separator = ',' }, leaveOpen: false);
        long records = 0;
        long characters = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                characters += reader.GetString(i).Length;
            }

            records++;
        }

        GC.KeepAlive(characters);
        return records - 2; // the preamble's two records are not rows
    }

    private static async Task<(ImportReport Report, int Batches)> PipelineAsync(string path, CancellationToken cancellationToken)
    {
        var directory = new InMemoryContactDirectory();
        var sink = new CountingSink();
        var importer = new ContactImporter(directory, sink);
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        var report = await importer.ImportAsync(stream, new ImportOptions { OwnerId = "bench-owner", ImportId = "bench", FileName = "Connections.csv" }, progress: null, cancellationToken);
        return (report, sink.Batches);
    }

    private static void ForceFullCollection()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    /// <summary>Stands in for storage: takes each batch and keeps nothing, so memory is the pipeline's own.</summary>
    private sealed class CountingSink : IContactSink
    {
        public int Batches { get; private set; }

        public ValueTask WriteAsync(string ownerId, IReadOnlyList<Contact> contacts, CancellationToken cancellationToken)
        {
            Batches++;
            return ValueTask.CompletedTask;
        }
    }
}
