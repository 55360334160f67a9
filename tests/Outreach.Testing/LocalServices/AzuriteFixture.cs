using System.Globalization;
using System.Text.RegularExpressions;

namespace Outreach.Testing.LocalServices;

/// <summary>
/// A real Azurite (queues, tables, blobs) in memory on free loopback ports, for one test class or collection.
/// Share it with <c>IClassFixture&lt;AzuriteFixture&gt;</c> or a collection fixture.
/// </summary>
public sealed partial class AzuriteFixture : IAsyncLifetime
{
    /// <summary>The emulator's well-known account key (public; it is the same for every Azurite).</summary>
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private NodeProcess? _process;

    public int BlobPort { get; private set; }

    public int QueuePort { get; private set; }

    public int TablePort { get; private set; }

    public Uri BlobEndpoint => new($"http://127.0.0.1:{BlobPort}/{AccountName}");

    public Uri QueueEndpoint => new($"http://127.0.0.1:{QueuePort}/{AccountName}");

    public Uri TableEndpoint => new($"http://127.0.0.1:{TablePort}/{AccountName}");

    /// <summary>The full connection string form, pointing at this instance's ports.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    /// <summary>Process id, so a test can check the instance is stopped afterwards.</summary>
    public int ProcessId => _process?.Id ?? 0;

    public async Task InitializeAsync()
    {
        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = NodeProcess.Start(
            RepositoryRoot.NodeModule("azurite/dist/src/azurite.js"),
            [
                "--inMemoryPersistence", "--extentMemoryLimit", "256", "--disableTelemetry", "--silent",
                "--blobHost", "127.0.0.1", "--blobPort", "0",
                "--queueHost", "127.0.0.1", "--queuePort", "0",
                "--tableHost", "127.0.0.1", "--tablePort", "0",
            ]);
        _process.Line += line =>
        {
            var match = ListeningLine().Match(line);
            if (!match.Success)
            {
                return;
            }

            lock (ports)
            {
                ports[match.Groups["service"].Value] = int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
                if (ports.Count == 3)
                {
                    ready.TrySetResult();
                }
            }
        };

        var finished = await Task.WhenAny(ready.Task, Task.Delay(StartTimeout));
        if (finished != ready.Task)
        {
            var output = _process.Output;
            await _process.DisposeAsync();
            throw new InvalidOperationException($"Azurite did not start within {StartTimeout.TotalSeconds:0} s. Output:\n{output}");
        }

        BlobPort = ports["Blob"];
        QueuePort = ports["Queue"];
        TablePort = ports["Table"];
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://127\.0\.0\.1:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
