using System.Text;
using Outreach.Core.Contacts;
using Outreach.Core.Imports;
using Outreach.Testing.LocalServices;

namespace Outreach.Core.Tests.Imports;

/// <summary>Runs a real import of some bytes into an in-memory directory and keeps everything a test asserts on.</summary>
internal sealed class ImportRun
{
    public const string Owner = "student-1";

    private ImportRun(ImportReport report, IReadOnlyList<ImportRowResult> rows, InMemoryContactDirectory directory, IReadOnlyList<ImportProgress> progress)
    {
        Report = report;
        Rows = rows;
        Directory = directory;
        Progress = progress;
    }

    public ImportReport Report { get; }

    public IReadOnlyList<ImportRowResult> Rows { get; }

    public InMemoryContactDirectory Directory { get; }

    public IReadOnlyList<ImportProgress> Progress { get; }

    public IReadOnlyList<Contact> Contacts => Directory.Contacts(Owner);

    public IReadOnlyList<int> RejectedLines => [.. Rows.Where(r => r.Outcome == ImportRowOutcome.Rejected).Select(r => r.Line)];

    public ImportRowResult Row(int line) => Rows.Single(r => r.Line == line);

    public Contact ContactOn(int line) => Directory.Get(Owner, Row(line).ContactId!)!;

    private static int s_imports;

    /// <summary>Options for a new import (an id of its own, as every upload gets: the same id again is a retry of it).</summary>
    public static ImportOptions Options(ImportFormat? format = null) =>
        new() { OwnerId = Owner, ImportId = $"import-{Interlocked.Increment(ref s_imports)}", FileName = "contacts.csv", Format = format };

    public static Task<ImportRun> TextAsync(string text, ImportOptions? options = null, InMemoryContactDirectory? directory = null) =>
        BytesAsync(Encoding.UTF8.GetBytes(text), options, directory);

    public static Task<ImportRun> FileAsync(string repositoryRelativePath, ImportOptions? options = null, InMemoryContactDirectory? directory = null) =>
        BytesAsync(File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, repositoryRelativePath)), options, directory);

    public static Task<ImportRun> FixtureAsync(string name, ImportOptions? options = null, InMemoryContactDirectory? directory = null) =>
        FileAsync(Path.Combine("tests", "Outreach.Core.Tests", "Imports", "Fixtures", name), options, directory);

    public static async Task<ImportRun> BytesAsync(byte[] bytes, ImportOptions? options = null, InMemoryContactDirectory? directory = null, bool seekable = true)
    {
        directory ??= new InMemoryContactDirectory();
        var importer = new ContactImporter(directory, directory);
        var progress = new ListProgress();
        using var stream = seekable ? new MemoryStream(bytes) : new ForwardOnlyStream(bytes);
        await using var import = await importer.StartAsync(stream, options ?? Options(), progress, CancellationToken.None);
        var rows = new List<ImportRowResult>();
        await foreach (var row in import.ReadRowsAsync(CancellationToken.None))
        {
            rows.Add(row);
        }

        return new ImportRun(import.Report, rows, directory, progress.Reports);
    }

    /// <summary>Records progress synchronously (Progress&lt;T&gt; would post to the thread pool and race the asserts).</summary>
    private sealed class ListProgress : IProgress<ImportProgress>
    {
        public List<ImportProgress> Reports { get; } = [];

        public void Report(ImportProgress value) => Reports.Add(value);
    }

    /// <summary>An upload body: cannot seek, has no length, hands out small reads.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 4096)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 4096)], cancellationToken);
    }
}
