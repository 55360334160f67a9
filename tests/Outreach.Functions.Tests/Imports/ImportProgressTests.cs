using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Core.Imports;
using Outreach.Functions.Imports;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;
using static Outreach.Functions.Tests.Imports.ImportFiles;

namespace Outreach.Functions.Tests.Imports;

/// <summary>
/// A queued import's record says how far it has got while it runs. The file is read through a stream that stops
/// half-way until the test lets it go on, so the record is looked at while the import is surely running.
/// </summary>
public sealed class ImportProgressTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    /// <summary>Enough rows of about 250 bytes that half the file lies well past the 64 KiB the importer reads to find the header.</summary>
    private const int Rows = 1200;

    private readonly ApiApp _app = ApiApp.Start(azurite, ("Imports:ProgressInterval", "00:00:00"));

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_running_import_shows_rows_bytes_and_percent_read_and_a_completed_one_no_progress()
    {
        var ownerId = ApiApp.NewId("prog");
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ownerId));
        // One person under many names: every row merges into the first, so storing the rows costs a write per batch and
        // the test's time goes into reading, not into thousands of contact and counter writes.
        var position = new string('p', 200);
        var bytes = Encoding.UTF8.GetBytes(NumberedPeople(Rows, "Name,Email,Position", i => string.Create(CultureInfo.InvariantCulture, $"Person {i},person@example.org,{position}")));
        var storage = _app.Factory.Services.GetRequiredService<ImportStorage>();
        var runner = _app.Factory.Services.GetRequiredService<ImportRunner>();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var record = new ImportRecord
        {
            Id = ImportIds.New(DateTimeOffset.UtcNow), OwnerId = ownerId, Status = ImportStatus.Running, FileName = "people.csv", SizeBytes = bytes.Length, CreatedUtc = DateTimeOffset.UtcNow,
        };
        await storage.Records.SaveAsync(record, CancellationToken.None);
        var progress = new LatestImportProgress();
        await using var input = new HalfwayGate(bytes);
        var options = new ImportOptions { OwnerId = ownerId, ImportId = record.Id, FileName = record.FileName, TotalBytes = bytes.Length };

        var run = Task.Run(async () =>
        {
            await using var import = await runner.StartAsync(input, options, progress, CancellationToken.None);
            return await runner.RunAsync(import, record, campaign: null, progress, CancellationToken.None);
        });
        await input.Reached.WaitAsync(TimeSpan.FromSeconds(60));
        var running = await GetAsync(client, record.Id);
        input.Open();
        var completed = await run.WaitAsync(TimeSpan.FromSeconds(60));
        var done = await GetAsync(client, record.Id);

        Assert.Equal("running", running.GetProperty("status").GetString());
        var shown = running.GetProperty("progress");
        var (rowsRead, bytesRead, percent) = (shown.GetProperty("rowsRead").GetInt64(), shown.GetProperty("bytesRead").GetInt64(), shown.GetProperty("percent").GetInt32());
        Assert.InRange(rowsRead, 100, Rows - 1);
        Assert.InRange(bytesRead, 1, input.GateAt);
        Assert.Equal(bytes.Length, shown.GetProperty("totalBytes").GetInt64());
        Assert.Equal((int)(bytesRead * 100 / bytes.Length), percent);
        Assert.InRange(percent, 1, 99);
        Assert.Equal((ImportStatus.Completed, (long)Rows, 1L), (completed.Status, completed.Counts.Rows, completed.Counts.Accepted));
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, done.GetProperty("progress").ValueKind);
    }

    [Fact]
    public async Task Once_every_row_is_read_the_record_says_how_many_of_the_contacts_have_been_updated()
    {
        const int People = 2000; // twenty hundreds of contacts to count meetings for after the last row
        var ownerId = ApiApp.NewId("apply");
        var bytes = Encoding.UTF8.GetBytes(NumberedPeople(People));
        var storage = _app.Factory.Services.GetRequiredService<ImportStorage>();
        var runner = _app.Factory.Services.GetRequiredService<ImportRunner>();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var record = new ImportRecord
        {
            Id = ImportIds.New(DateTimeOffset.UtcNow), OwnerId = ownerId, Status = ImportStatus.Running, FileName = "people.csv", SizeBytes = bytes.Length, CreatedUtc = DateTimeOffset.UtcNow,
        };
        var progress = new LatestImportProgress();
        var options = new ImportOptions { OwnerId = ownerId, ImportId = record.Id, FileName = record.FileName, TotalBytes = bytes.Length };

        var run = Task.Run(async () =>
        {
            await using var input = new MemoryStream(bytes, writable: false);
            await using var import = await runner.StartAsync(input, options, progress, CancellationToken.None);
            return await runner.RunAsync(import, record, campaign: null, progress, CancellationToken.None);
        });
        var updating = new List<ImportRecordProgress>();
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120)))
        {
            while (!run.IsCompleted)
            {
                if ((await storage.Records.FindAsync(ownerId, record.Id, deadline.Token))?.Progress is { ContactsTotal: not null } seen)
                {
                    updating.Add(seen);
                }

                await Task.Delay(5, deadline.Token);
            }
        }

        var completed = await run;

        Assert.NotEmpty(updating);
        Assert.All(updating, p => Assert.Equal((People, People, 99), (p.RowsRead, p.ContactsTotal!.Value, p.Percent!.Value)));
        Assert.All(updating, p => Assert.InRange(p.ContactsDone!.Value, 100, People - 1));
        Assert.Equal((ImportStatus.Completed, (long)People), (completed.Status, completed.Counts.Accepted));
        Assert.Null((await storage.Records.FindAsync(ownerId, record.Id, CancellationToken.None))!.Progress);
    }

    private static async Task<System.Text.Json.JsonElement> GetAsync(HttpClient client, string importId)
    {
        using var response = await client.GetAsync(new Uri($"/api/imports/{importId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }

    /// <summary>Hands out the first half of the file, then waits at <see cref="GateAt"/> until <see cref="Open"/>.</summary>
    private sealed class HalfwayGate(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int GateAt { get; } = bytes.Length / 2;

        public Task Reached => _reached.Task;

        public void Open() => _open.TrySetResult();

        public override bool CanSeek => false;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position >= GateAt && !_open.Task.IsCompleted)
            {
                _reached.TrySetResult();
                await _open.Task.WaitAsync(cancellationToken);
            }

            var limit = Position < GateAt ? (int)Math.Min(buffer.Length, GateAt - Position) : buffer.Length;
            return Read(buffer.Span[..limit]);
        }
    }
}
