using System.Net;
using Azure.Core.Pipeline;
using Outreach.Testing.Time;

namespace Outreach.Storage.Tests.Auth;

public sealed class PipelineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 2, 30, 0, TimeSpan.Zero);

    private static StorageClientOptions Options(RecordingHandler handler) => new()
    {
        Transport = new HttpClientTransport(new HttpClient(handler)),
        TimeProvider = new ManualTimeProvider(Now),
        Retry = { MaxRetries = 2, Delay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) },
    };

    [Fact]
    public async Task Token_credential_is_asked_for_the_storage_scope_and_its_token_reaches_the_request()
    {
        var handler = new RecordingHandler(HttpStatusCode.Created);
        var credential = new RecordingCredential("token-123");
        var account = new StorageAccount(
            new Uri("https://outreach.blob.core.windows.net"),
            new Uri("https://outreach.queue.core.windows.net"),
            new Uri("https://outreach.table.core.windows.net"),
            credential,
            Options(handler));

        Assert.True(await account.GetQueue("tasks").CreateIfNotExistsAsync());

        Assert.Equal(["https://storage.azure.com/.default"], Assert.Single(credential.RequestedScopes));
        var request = Assert.Single(handler.Requests);
        Assert.Equal("Bearer token-123", request["Authorization"]);
        Assert.Equal("https://outreach.queue.core.windows.net/tasks", request["uri"]);
        Assert.Equal("Sun, 22 Nov 2026 02:30:00 GMT", request["x-ms-date"]);
        Assert.Equal("2020-10-02", request["x-ms-version"]);
    }

    [Fact]
    public async Task Service_unavailable_is_retried_and_every_try_is_signed_again()
    {
        var handler = new RecordingHandler(HttpStatusCode.ServiceUnavailable, HttpStatusCode.InternalServerError, HttpStatusCode.Created);
        var account = new StorageAccount(StorageConnection.Development, Options(handler));

        Assert.True(await account.GetQueue("tasks").CreateIfNotExistsAsync());

        Assert.Equal(3, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.StartsWith("SharedKey devstoreaccount1:", r["Authorization"], StringComparison.Ordinal));
        Assert.All(handler.Requests, r => Assert.True(r.ContainsKey("x-ms-client-request-id")));
    }

    [Fact]
    public async Task Exhausted_retries_report_the_last_status_with_the_request_id()
    {
        var handler = new RecordingHandler(HttpStatusCode.ServiceUnavailable);
        var account = new StorageAccount(StorageConnection.Development, Options(handler));

        var error = await Assert.ThrowsAsync<StorageRequestException>(() => account.GetQueue("tasks").ClearAsync());

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(503, error.Status);
        Assert.Equal("req-3", error.RequestId);
        Assert.Equal("Clearing queue tasks failed: 503", error.Message);
    }
}
