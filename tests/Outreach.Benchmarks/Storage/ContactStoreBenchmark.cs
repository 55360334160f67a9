using Azure.Core;
using Azure.Core.Pipeline;
using Outreach.Benchmarks.Import;
using Outreach.Benchmarks.Infrastructure;
using Outreach.Core.Analytics.Events;
using Outreach.Core.Imports;
using Outreach.Storage;
using Outreach.Storage.Stores.Analytics;
using Outreach.Storage.Stores.Contacts;
using Outreach.Storage.Stores.Outcomes;
using Outreach.Testing.LocalServices;

namespace Outreach.Benchmarks.Storage;

/// <summary>
/// The contact import end to end into <see cref="TableContactStore"/> on a local Azurite: a generated LinkedIn
/// export (<c>--rows N</c>, default 2000) imported into empty tables (every row a new contact: contact rows, key
/// rows), then the same file again (every row found and unchanged), once reading the owner's contacts at once (the
/// default) and once looking each batch's keys up (the baseline, <c>MaxContactsReadAtOnce = 0</c>), then the meetings those
/// contacts add to the metrics, one by one against a hundred per apply. Wall-clock rows/s, since the store's cost is
/// round trips, not CPU.
/// </summary>
internal sealed class ContactStoreBenchmark : IBenchmark
{
    public string Name => "contacts";

    public string Description => "contact import rows/s into the table contact store on Azurite, first import and re-import (--rows 2000)";

    public async Task RunAsync(BenchmarkArguments arguments, BenchmarkReport report, CancellationToken cancellationToken)
    {
        var rows = arguments.Int("rows", 2000);
        var seed = arguments.Int("seed", 42);
        var folder = Directory.CreateTempSubdirectory("outreach-contacts-bench-");
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            var file = Path.Combine(folder.FullName, "Connections.csv");
            await LinkedInExportGenerator.WriteAsync(file, rows, seed, cancellationToken);
            var requests = new RequestCounter();
            var options = new StorageClientOptions();
            options.AddPolicy(requests, HttpPipelinePosition.PerCall);
            var account = StorageAccount.FromConnectionString(azurite.ConnectionString, options);

            // A small import first on other tables, so JIT and connection set-up are not in the measured runs.
            var warmUp = Path.Combine(folder.FullName, "WarmUp.csv");
            await LinkedInExportGenerator.WriteAsync(warmUp, 200, seed + 1, cancellationToken);
            await ImportAsync(await NewStoreAsync(account, "warm", cancellationToken), warmUp, cancellationToken);

            var store = await NewStoreAsync(account, "bench", cancellationToken);
            var before = requests.Count;
            var first = await Measured.RunAsync(() => ImportAsync(store, file, cancellationToken));
            var firstRequests = requests.Count - before;
            before = requests.Count;
            var again = await Measured.RunAsync(() => ImportAsync(store, file, cancellationToken));
            var againRequests = requests.Count - before;
            before = requests.Count;
            var lookedUp = await Measured.RunAsync(() => ImportAsync(store, file, cancellationToken, maxContactsReadAtOnce: 0));
            var lookedUpRequests = requests.Count - before;

            report.Figure("contacts.rows", first.Result.RowsRead, "rows");
            report.Figure("contacts.accepted", first.Result.Accepted, "rows");
            report.Figure("contacts.first_import_rows_per_s", first.Result.RowsRead / first.WallTime.TotalSeconds, "rows/s");
            report.Figure("contacts.first_import_requests", firstRequests, "requests");
            report.Figure("contacts.reimport_unchanged", again.Result.Unchanged, "rows");
            report.Figure("contacts.reimport_rows_per_s", again.Result.RowsRead / again.WallTime.TotalSeconds, "rows/s");
            report.Figure("contacts.reimport_requests", againRequests, "requests");
            report.Figure("contacts.reimport_looked_up_unchanged", lookedUp.Result.Unchanged, "rows");
            report.Figure("contacts.reimport_looked_up_rows_per_s", lookedUp.Result.RowsRead / lookedUp.WallTime.TotalSeconds, "rows/s");
            report.Figure("contacts.reimport_looked_up_requests", lookedUpRequests, "requests");
            report.Figure("contacts.reimport_read_at_once_speedup", lookedUp.WallTime / again.WallTime, "ratio");
            await MeasureMeetingsCountedAsync(account, requests, rows, report, cancellationToken);
        }
        finally
        {
            await azurite.DisposeAsync();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// What an import then does for the metrics: one <see cref="ContactMet"/> per contact, recorded one by one (as
    /// before) and a hundred per apply (as <c>ImportRunner</c> does), each into fresh counter tables.
    /// </summary>
    private static async Task MeasureMeetingsCountedAsync(StorageAccount account, RequestCounter requests, int rows, BenchmarkReport report, CancellationToken cancellationToken)
    {
        var meeting = new MeetingContext(new DateOnly(2026, 11, 20), "Career fair");
        var events = Enumerable.Range(0, rows).Select(i => new ContactMet("bench-owner", $"contact-{i}", meeting)).ToList();

        var oneByOne = await NewRecorderAsync(account, "counters1", cancellationToken);
        var before = requests.Count;
        var single = await Measured.RunAsync(async () =>
        {
            foreach (var met in events)
            {
                await oneByOne.RecordAsync(met, TimeZoneInfo.Utc, cancellationToken);
            }

            return 0;
        });
        var singleRequests = requests.Count - before;

        var batched = await NewRecorderAsync(account, "counters100", cancellationToken);
        before = requests.Count;
        var hundreds = await Measured.RunAsync(async () =>
        {
            foreach (var chunk in events.Chunk(100))
            {
                await batched.RecordAllAsync(chunk, TimeZoneInfo.Utc, cancellationToken);
            }

            return 0;
        });
        var batchedRequests = requests.Count - before;

        report.Figure("contacts.met_one_by_one_requests", singleRequests, "requests");
        report.Figure("contacts.met_one_by_one_per_s", rows / single.WallTime.TotalSeconds, "contacts/s");
        report.Figure("contacts.met_batched_requests", batchedRequests, "requests");
        report.Figure("contacts.met_batched_per_s", rows / hundreds.WallTime.TotalSeconds, "contacts/s");
        report.Figure("contacts.met_batched_speedup", single.WallTime / hundreds.WallTime, "ratio");
    }

    private static async Task<MetricsRecorder> NewRecorderAsync(StorageAccount account, string name, CancellationToken cancellationToken)
    {
        var table = account.GetTable(name);
        await table.CreateIfNotExistsAsync(cancellationToken);
        return new MetricsRecorder(new TableCounterStore(table));
    }

    private static async Task<TableContactStore> NewStoreAsync(StorageAccount account, string prefix, CancellationToken cancellationToken)
    {
        var contacts = account.GetTable(prefix + "contacts");
        var keys = account.GetTable(prefix + "contactkeys");
        await contacts.CreateIfNotExistsAsync(cancellationToken);
        await keys.CreateIfNotExistsAsync(cancellationToken);
        return new TableContactStore(contacts, keys, new TableContactEmailIndex(account.GetTable(prefix + "contactemails")));
    }

    /// <summary>Imports the file with the default options, or with <paramref name="maxContactsReadAtOnce"/> when given.</summary>
    private static async Task<ImportReport> ImportAsync(TableContactStore store, string path, CancellationToken cancellationToken, int? maxContactsReadAtOnce = null)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
        var options = new ImportOptions { OwnerId = "bench-owner", ImportId = $"bench-{Guid.NewGuid():N}", FileName = "Connections.csv" }; // the same id again would be a retry
        if (maxContactsReadAtOnce is { } limit)
        {
            options = options with { MaxContactsReadAtOnce = limit };
        }

        return await new ContactImporter(store, store).ImportAsync(stream, options, progress: null, cancellationToken);
    }

    /// <summary>Counts the requests the storage client sends (retries included once: it sits per call).</summary>
    private sealed class RequestCounter : HttpPipelineSynchronousPolicy
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
    }
}
