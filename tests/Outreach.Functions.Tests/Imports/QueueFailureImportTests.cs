using System.Net;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Functions.Imports;
using Outreach.Functions.Tests.Support;
using Outreach.Storage;
using Outreach.Storage.Queues;
using Outreach.Testing.LocalServices;
using static Outreach.Functions.Tests.Imports.ImportFiles;

namespace Outreach.Functions.Tests.Imports;

/// <summary>
/// A large upload whose queue message cannot be sent, on the real handler against real Azurite: its record says so instead
/// of staying queued for ever; and one whose message went out though the answer to sending it was lost is not marked failed
/// over the run it started.
/// </summary>
public sealed class QueueFailureImportTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_large_upload_whose_queue_message_cannot_be_sent_is_recorded_failed_not_left_queued()
    {
        using var app = ApiApp.Start(azurite, TestAppRoot.CreateWithImports(maxDequeueCount: 3), _ => { }, ("Imports:SyncMaxBytes", "1024"));
        var ownerId = ApiApp.NewId("noq");
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ownerId));
        await app.Factory.Services.GetRequiredService<ImportStorage>().EnsureCreatedAsync(CancellationToken.None);
        // The queue goes away after the app made sure of it: sending the message fails as storage failing would.
        await StorageAccount.FromConnectionString(azurite.ConnectionString).GetQueue(ImportQueueMessage.QueueName, QueueMessageEncoding.Base64).DeleteQueueAsync();

        using var upload = await PostCsvAsync(client, Sample("class-visit.csv"));
        using var list = await client.GetAsync(new Uri("/api/imports", UriKind.Relative));
        var import = Assert.Single((await JsonAsync(list)).GetProperty("imports").EnumerateArray());
        using var response = await client.GetAsync(new Uri($"/api/imports/{import.GetProperty("id").GetString()}", UriKind.Relative));
        var record = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.InternalServerError, upload.StatusCode);
        Assert.Equal("failed", import.GetProperty("status").GetString());
        Assert.Equal(("failed", ImportsApi.NotQueued), (record.GetProperty("status").GetString(), record.GetProperty("error").GetString()));
        Assert.Empty(await ContactsAsync(client));
    }

    [Fact]
    public async Task A_message_that_went_out_though_the_answer_to_sending_it_was_lost_leaves_the_import_its_delivery_ran_as_that_run_recorded_it()
    {
        // The queue takes the message, then the connection drops before its answer comes back (no retry: the send fails once).
        // By then the message has been delivered and the import run to its end.
        ApiApp? started = null;
        var lost = new LostQueueAnswer(async text => (await DeliverMessageAsync(started!, text)).Dispose());
        var options = new StorageClientOptions { Transport = new HttpClientTransport(new HttpClient(lost)) };
        options.Retry.MaxRetries = 0;
        var account = StorageAccount.FromConnectionString(azurite.ConnectionString, options);
        using var app = started = ApiApp.Start(
            azurite, TestAppRoot.CreateWithImports(maxDequeueCount: 3), services => services.AddSingleton(account), ("Imports:SyncMaxBytes", "1024"));
        var ownerId = ApiApp.NewId("lostans");
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ownerId));

        using var upload = await PostCsvAsync(client, Sample("class-visit.csv"));
        var id = (await JsonAsync(upload)).GetProperty("id").GetString()!;
        using var response = await client.GetAsync(new Uri($"/api/imports/{id}", UriKind.Relative));
        var record = await JsonAsync(response);

        Assert.Equal(1, lost.Lost);
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        Assert.Equal(("completed", 1L), (record.GetProperty("status").GetString(), record.GetProperty("deliveries").GetInt64()));
        Assert.Equal((20L, 19L, 1L, 0L, 0L), Counts(record));
        Assert.Equal(19, (await ContactsAsync(client)).Count);
    }

    /// <summary>
    /// Sends the first import message on to Azurite, hands its text to <c>delivered</c> (which runs the import as its
    /// delivery would), then fails as a connection dropped before the answer would: the message is out, its sender is told
    /// it failed.
    /// </summary>
    private sealed class LostQueueAnswer(Func<string, Task> delivered) : DelegatingHandler(new HttpClientHandler())
    {
        private int _lost;

        public int Lost => _lost;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var isSend = request.Method == HttpMethod.Post
                && request.RequestUri!.AbsolutePath.EndsWith($"/{ImportQueueMessage.QueueName}/messages", StringComparison.Ordinal);
            var body = isSend ? await request.Content!.ReadAsStringAsync(cancellationToken) : null;
            var response = await base.SendAsync(request, cancellationToken);
            if (body is null || !response.IsSuccessStatusCode || Interlocked.Exchange(ref _lost, 1) == 1)
            {
                return response;
            }

            response.Dispose();
            await delivered(MessageText(body));
            throw new HttpRequestException("The connection was reset before the answer came back.");
        }

        /// <summary>The message's text: the base64 inside <c>&lt;MessageText&gt;</c> of the Put Message body.</summary>
        private static string MessageText(string body)
        {
            var text = System.Xml.Linq.XElement.Parse(body).Element("MessageText")!.Value;
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
    }
}
