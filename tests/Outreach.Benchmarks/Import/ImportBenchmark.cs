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
    /// <summary>Timed rounds of each path; the figures are their medians.</summary>
    private const int Rounds = 5;

    /// <summary>The read buffer of the import's CSV reader (CsvRecordCursor), for the bare read that uses it too.</summary>
    private const int ImportReadBuffer = 1 << 20;

    /// <summary>The largest file the re-import figure is measured for (its directory holds every contact in memory).</summary>
    private const int ReimportMaxRows = 200_000;

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
                await PipelineAsync(warmUp, directory: null, cancellationToken);
                foreach (var stage in Enum.GetValues<ImportStage>())
                {
                    await ImportStages.RunAsync(warmUp, stage, cancellationToken);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(300), cancellationToken);
            }

            // Rounds alternate the two paths and each figure is the median of its rounds, so a neighbour's burst of
            // work on this shared machine moves one round, not the result.
            var bareRounds = new List<Measured<long>>();
            var bareLargeBufferRounds = new List<Measured<long>>();
            var pipelineRounds = new List<Measured<(ImportReport Report, int Batches)>>();
            var stageRounds = Enum.GetValues<ImportStage>().ToDictionary(stage => stage, _ => new List<Measured<long>>());
            for (var round = 0; round < Rounds; round++)
            {
                foreach (var (stage, measured) in stageRounds)
                {
                    ForceFullCollection();
                    measured.Add(await Measured.RunAsync(() => ImportStages.RunAsync(file, stage, cancellationToken)));
                }

                ForceFullCollection();
                bareRounds.Add(await Measured.RunAsync(() => BareCsvHelperAsync(file, cancellationToken)));
                ForceFullCollection();
                bareLargeBufferRounds.Add(await Measured.RunAsync(() => BareCsvHelperAsync(file, cancellationToken, ImportReadBuffer)));
                ForceFullCollection();
                pipelineRounds.Add(await Measured.RunAsync(() => PipelineAsync(file, directory: null, cancellationToken)));
            }

            // Bytes allocated a row by each path (one more untimed run of each): what the garbage collector has to clear.
            ForceFullCollection();
            var bareAllocated = await AllocatedAsync(() => BareCsvHelperAsync(file, cancellationToken));
            var pipelineAllocated = await AllocatedAsync(() => PipelineAsync(file, directory: null, cancellationToken));

            // Peak memory: one more run with the sampler on (it is not timed).
            ForceFullCollection();
            long peak;
            (ImportReport Report, int Batches) result;
            using (var sampler = new PeakMemorySampler())
            {
                result = await PipelineAsync(file, directory: null, cancellationToken);
                peak = sampler.Stop();
            }

            // The same file into an owner who has its contacts already: every row is looked up in the directory and
            // found unchanged. The directory holds every contact in memory, so this runs for files up to ReimportMaxRows.
            Measured<(ImportReport Report, int Batches)>? again = null;
            if (rows <= ReimportMaxRows)
            {
                var directory = new InMemoryContactDirectory();
                await PipelineAsync(file, directory, cancellationToken);
                ForceFullCollection();
                again = await Measured.RunAsync(() => PipelineAsync(file, directory, cancellationToken));
            }

            // The build machine is shared (load often above its core count), so wall time partly measures the
            // neighbours. Rows per CPU second of this process is the fair figure; wall-clock ones are printed too.
            var rowsRead = result.Report.RowsRead;
            var bareCpu = Median(bareRounds, m => m.CpuTime.TotalSeconds);
            var pipelineCpu = Median(pipelineRounds, m => m.CpuTime.TotalSeconds);
            var bareRowsPerSecond = bareRounds[0].Result / bareCpu;
            var pipelineRowsPerSecond = rowsRead / pipelineCpu;
            report.Figure("import.rows", rowsRead, "rows");
            report.Figure("import.accepted", result.Report.Accepted, "rows");
            report.Figure("import.merged", result.Report.Merged, "rows");
            report.Figure("import.rejected", result.Report.Rejected, "rows");
            report.Figure("import.file_size", new FileInfo(file).Length / (1024.0 * 1024.0), "MiB");
            report.Figure("import.rounds", Rounds, "rounds");
            report.Figure("import.bare_csvhelper_rows_per_s", bareRowsPerSecond, "rows/s");
            report.Figure("import.pipeline_rows_per_s", pipelineRowsPerSecond, "rows/s");
            report.Ratio("import.pipeline_vs_bare_csvhelper", pipelineRowsPerSecond, bareRowsPerSecond, target: 0.5);
            // The import reads a MiB at a time (fewer thread-pool hops than CsvHelper's default 64 KiB); the same bare read
            // with that buffer shows how much of the ratio that choice accounts for.
            var bareLargeBuffer = bareLargeBufferRounds[0].Result / Median(bareLargeBufferRounds, m => m.CpuTime.TotalSeconds);
            report.Figure("import.bare_csvhelper_1mib_buffer_rows_per_s", bareLargeBuffer, "rows/s");
            report.Ratio("import.pipeline_vs_bare_csvhelper_1mib_buffer", pipelineRowsPerSecond, bareLargeBuffer);
            // Where a row's time goes: each stage's CPU nanoseconds a row, then the whole pipeline's (de-duplication, batching
            // and the report are what it adds to the normalise stage).
            foreach (var (stage, measured) in stageRounds)
            {
                report.Figure($"import.stage_{stage.ToString().ToLowerInvariant()}_cpu_ns_per_row", Median(measured, m => m.CpuTime.TotalSeconds) * 1e9 / measured[0].Result, "ns");
            }

            report.Figure("import.pipeline_cpu_ns_per_row", pipelineCpu * 1e9 / rowsRead, "ns");
            report.Figure("import.bare_csvhelper_allocated_per_row", (double)bareAllocated / rowsRead, "bytes");
            report.Figure("import.pipeline_allocated_per_row", (double)pipelineAllocated / rowsRead, "bytes");
            report.Figure("import.bare_csvhelper_rows_per_wall_s", bareRounds[0].Result / Median(bareRounds, m => m.WallTime.TotalSeconds), "rows/s");
            report.Figure("import.pipeline_rows_per_wall_s", rowsRead / Median(pipelineRounds, m => m.WallTime.TotalSeconds), "rows/s");
            if (again is { } reimport)
            {
                report.Figure("import.reimport_unchanged", reimport.Result.Report.Unchanged, "rows");
                report.Figure("import.reimport_rows_per_s", reimport.Result.Report.RowsRead / reimport.CpuTime.TotalSeconds, "rows/s");
            }

            report.Figure("import.peak_managed_memory", peak / (1024.0 * 1024.0), "MiB");
            report.Figure("import.sink_batches", result.Batches, "batches");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>CsvHelper alone, with its default buffer unless one is given: every field of every record materialised as a string.</summary>
    private static async Task<long> BareCsvHelperAsync(string path, CancellationToken cancellationToken, int? bufferSize = null)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        var options = CsvReaderOptions.Default with { HasHeader = false, Separator = ',' };
        await using var reader = CsvReader.Create(stream, bufferSize is { } size ? options with { BufferSize = size } : options, leaveOpen: false);
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

    /// <summary>The import into <paramref name="directory"/>, or (null) into a new owner with no contacts; writes go to a counting sink unless a directory is given.</summary>
    private static async Task<(ImportReport Report, int Batches)> PipelineAsync(string path, InMemoryContactDirectory? directory, CancellationToken cancellationToken)
    {
        var counting = new CountingSink();
        IContactSink sink = directory is null ? counting : new CountingSink(directory);
        var importer = new ContactImporter(directory ?? new InMemoryContactDirectory(), sink);
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        var report = await importer.ImportAsync(stream, new ImportOptions { OwnerId = "bench-owner", ImportId = $"bench-{Guid.NewGuid():N}", FileName = "Connections.csv" }, progress: null, cancellationToken);
        return (report, ((CountingSink)sink).Batches);
    }

    /// <summary>Bytes allocated by every thread of the process while <paramref name="action"/> ran.</summary>
    private static async Task<long> AllocatedAsync<T>(Func<Task<T>> action)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await action();
        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }

    private static double Median<T>(List<T> rounds, Func<T, double> value)
    {
        var sorted = rounds.Select(value).Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static void ForceFullCollection()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    /// <summary>
    /// Stands in for storage: counts the batches and keeps nothing, so memory is the pipeline's own; or, given a
    /// directory, writes them there too (for the re-import).
    /// </summary>
    private sealed class CountingSink(IContactSink? inner = null) : IContactSink
    {
        public int Batches { get; private set; }

        public ValueTask WriteAsync(string ownerId, IReadOnlyList<Contact> contacts, CancellationToken cancellationToken)
        {
            Batches++;
            return inner?.WriteAsync(ownerId, contacts, cancellationToken) ?? ValueTask.CompletedTask;
        }

        public ValueTask WriteAsync(
            string ownerId, IReadOnlyList<Contact> contacts, IReadOnlyList<bool> storedAlready, IReadOnlyList<ContactKeyClaim> claims, CancellationToken cancellationToken)
        {
            Batches++;
            return inner?.WriteAsync(ownerId, contacts, storedAlready, claims, cancellationToken) ?? ValueTask.CompletedTask;
        }
    }
}
