using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Functions.Invocation;
using Outreach.Functions.Tests.Support;
using Outreach.Storage;
using Outreach.Storage.Queues;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.LocalRunner;

/// <summary>The local runner against real Azurite, calling the handler over real HTTP, as ./run.sh runs it.</summary>
public sealed class QueueRunnerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly TestAppRoot _root = TestAppRoot.Create(TestFunctionJson.Echo, TestFunctionJson.Flaky, TestFunctionJson.Slow);
    private readonly InvocationRecorder _recorder = new();
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];

    private StorageAccount Storage => StorageAccount.FromConnectionString(azurite.ConnectionString);

    private string EchoQueue => $"echo-{_suffix}";

    private string FlakyQueue => $"flaky-{_suffix}";

    private string SlowQueue => $"slow-{_suffix}";

    [Fact]
    public async Task Base64_message_reaches_its_function_with_the_exact_payload_and_its_output_is_queued()
    {
        const string payload = """{"name":"Zoë \"Z\" O'Brien","note":"<b>&amp;</b> 🙂"}""";
        await using var app = StartApp();
        var queue = Storage.GetQueue(EchoQueue, QueueMessageEncoding.Base64);
        await queue.CreateIfNotExistsAsync();

        await queue.SendAsync(payload);

        var trigger = Assert.Single(await _recorder.WaitForAsync<QueueTrigger>("Echo", 1, Patience));
        Assert.Equal(payload, trigger.Message);
        Assert.Equal(1, trigger.DequeueCount);
        var output = await WaitForMessageAsync(Storage.GetQueue($"{EchoQueue}-out", QueueMessageEncoding.Base64));
        Assert.Equal(payload, JsonDocument.Parse(output.Text).RootElement.GetProperty("received").GetString());
        await WaitUntilEmptyAsync(queue);
    }

    [Fact]
    public async Task Failing_message_is_retried_and_moved_to_the_poison_queue_intact_after_max_dequeue_count()
    {
        const string payload = """{"task":"send","id":42}""";
        await using var app = StartApp();
        var queue = Storage.GetQueue(FlakyQueue, QueueMessageEncoding.Base64);
        await queue.CreateIfNotExistsAsync();

        await queue.SendAsync(payload);

        var poisoned = await WaitForMessageAsync(Storage.GetQueue($"{FlakyQueue}-poison", QueueMessageEncoding.Base64));
        Assert.Equal(payload, poisoned.Text);
        Assert.Equal([1L, 2L, 3L], _recorder.Of<QueueTrigger>("Flaky").Select(t => t.DequeueCount));
        Assert.All(_recorder.Of<QueueTrigger>("Flaky"), t => Assert.Equal(payload, t.Message));
        await WaitUntilEmptyAsync(queue);
    }

    [Fact]
    public async Task Message_that_is_not_base64_goes_straight_to_the_poison_queue_unchanged()
    {
        const string raw = "plain text, not base64!";
        await using var app = StartApp();
        var queue = Storage.GetQueue(EchoQueue, QueueMessageEncoding.None);
        await queue.CreateIfNotExistsAsync();

        await queue.SendAsync(raw);

        var poisoned = await WaitForMessageAsync(Storage.GetQueue($"{EchoQueue}-poison", QueueMessageEncoding.None));
        Assert.Equal(raw, poisoned.Text);
        Assert.Empty(_recorder.Of<QueueTrigger>("Echo"));
    }

    [Fact]
    public async Task Shutdown_during_an_invocation_releases_its_message_so_nothing_is_lost()
    {
        const string payload = """{"job":"retrain"}""";
        var queue = Storage.GetQueue(SlowQueue, QueueMessageEncoding.Base64);
        await queue.CreateIfNotExistsAsync();
        var app = StartApp();
        await queue.SendAsync(payload);
        await _recorder.WaitForAsync<QueueTrigger>("Slow", 1, Patience);

        await app.DisposeAsync();

        // Released with visibility 0, so it is visible at once (a plain lease would hide it for a minute).
        var released = Assert.Single(await queue.ReceiveAsync(32, TimeSpan.FromSeconds(30)));
        Assert.Equal(payload, released.Text);
        Assert.Equal(2, released.DequeueCount);
    }

    public void Dispose() => _root.Dispose();

    private FunctionAppFactory StartApp() =>
        FunctionAppFactory.WithRunner(
            _root.Path,
            new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["EchoQueue"] = EchoQueue,
                ["FlakyQueue"] = FlakyQueue,
                ["SlowQueue"] = SlowQueue,
                ["LocalRunner:ShutdownGracePeriod"] = "00:00:00.500",
            },
            services => services.AddSingleton(_recorder)
                .AddQueueFunction<EchoFunction>().AddQueueFunction<FlakyFunction>().AddQueueFunction<SlowFunction>())
            .StartWithRunner();

    private static async Task<PeekedMessage> WaitForMessageAsync(QueueClient queue)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (true)
        {
            try
            {
                var peeked = await queue.PeekAsync(1, deadline.Token);
                if (peeked.Count > 0)
                {
                    return peeked[0];
                }
            }
            catch (StorageRequestException e) when (e.Status == 404)
            {
                // Not created yet.
            }

            await Task.Delay(50, deadline.Token);
        }
    }

    private static async Task WaitUntilEmptyAsync(QueueClient queue)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (await queue.GetApproximateCountAsync(deadline.Token) > 0)
        {
            await Task.Delay(50, deadline.Token);
        }
    }
}
