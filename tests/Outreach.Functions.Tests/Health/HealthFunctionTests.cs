using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Functions.Invocation;
using Outreach.Functions.Tests.Support;
using Outreach.Storage;
using Outreach.Storage.Queues;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Health;

public sealed class HealthFunctionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly TestAppRoot _root = TestAppRoot.Create(TestFunctionJson.Echo);

    [Fact]
    public async Task Health_reports_storage_ok_with_each_trigger_queue_backlog()
    {
        var queue = StorageAccount.FromConnectionString(azurite.ConnectionString).GetQueue("health-echo", QueueMessageEncoding.Base64);
        await queue.CreateIfNotExistsAsync();
        await queue.SendAsync("""{"n":1}""");
        await queue.SendAsync("""{"n":2}""");
        using var factory = FunctionAppFactory.AsHost(
            _root.Path,
            services => services.AddSingleton(new InvocationRecorder()).AddQueueFunction<EchoFunction>(),
            ("EchoQueue", "health-echo"), ("AzureWebJobsStorage", azurite.ConnectionString));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", body.RootElement.GetProperty("storage").GetString());
        var echo = Assert.Single(body.RootElement.GetProperty("queues").EnumerateArray());
        Assert.Equal("health-echo", echo.GetProperty("name").GetString());
        Assert.Equal(2, echo.GetProperty("messages").GetInt32());
        Assert.Equal(JsonValueKind.Null, echo.GetProperty("poisonMessages").ValueKind);
    }

    [Fact]
    public async Task Health_reports_rejected_credentials_with_503()
    {
        var wrongKey = azurite.ConnectionString.Replace(AzuriteFixture.AccountKey, Convert.ToBase64String(new byte[64]), StringComparison.Ordinal);
        using var factory = FunctionAppFactory.AsHost(_root.Path, services => services.AddSingleton(new InvocationRecorder()).AddQueueFunction<EchoFunction>(),
            ("EchoQueue", "health-echo"), ("AzureWebJobsStorage", wrongKey));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("rejected", body.RootElement.GetProperty("storage").GetString());
    }

    public void Dispose() => _root.Dispose();
}
