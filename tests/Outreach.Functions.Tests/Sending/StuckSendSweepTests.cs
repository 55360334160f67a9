using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Core.Accounts;
using Outreach.Core.Planning;
using Outreach.Core.Sending;
using Outreach.Functions.Tests.Support;
using Outreach.Storage.Queues;
using Outreach.Storage.Stores;
using Outreach.Testing.LocalServices;
using Outreach.Testing.Time;

namespace Outreach.Functions.Tests.Sending;

/// <summary>
/// A task whose send request is lost after the dispatcher queued it (the process stopped, the message was poisoned or
/// expired) is found by the SweepStuckSends timer instead of sitting in <c>queued</c> for ever: its request is queued
/// again once, then it fails unsent with a reason the owner sees; a claim nobody can confirm any more goes to review.
/// Real handler (as under a Functions host, on a fake clock), real Azurite queue and tables, real maildev; the host's
/// deliveries are played by receiving the real queue message and posting it to <c>/SendOutreach</c>.
/// </summary>
public sealed class StuckSendSweepTests(AzuriteFixture azurite, MailDevFixture maildev)
    : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>, IAsyncLifetime
{
    private static readonly TimeSpan StuckAfter = TimeSpan.FromHours(1);

    private readonly TestAppRoot _root = NewRoot();
    private static int s_days;

    // The tests of this class share Azurite's tables: each runs on a day of its own, so no test's watch buckets hold another's tasks.
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 11, 9, 0, 0, TimeSpan.Zero).AddDays(Interlocked.Increment(ref s_days)));
    private SendScenario _scenario = null!;
    private FunctionAppFactory _app = null!;
    private HttpClient _handler = null!;

    public async Task InitializeAsync()
    {
        await maildev.DeleteAllAsync();
        _scenario = new SendScenario(azurite, _root);
        _app = _scenario.StartHost(maildev.SmtpPort, services =>
        {
            services.AddSingleton<TimeProvider>(_clock);
            services.AddSingleton(sp => new OutageDueIndex(sp.GetRequiredService<TableStores>().DueIndex));
            services.AddSingleton<IDueIndex>(sp => sp.GetRequiredService<OutageDueIndex>());
        });
        _handler = _app.CreateClient();
        await _scenario.SeedOwnerAsync();
        await _scenario.Queue.ClearAsync();
        await _scenario.Stores.SendSweepCursor.WriteAsync(_clock.GetUtcNow() - TimeSpan.FromMinutes(5), CancellationToken.None); // as left by a run before this day's
        await _scenario.Stores.DispatchCursor.WriteAsync(_clock.GetUtcNow() - TimeSpan.FromMinutes(5), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _handler.Dispose();
        await _app.DisposeAsync();
        _root.Dispose();
    }

    [Fact]
    public async Task A_queued_task_whose_send_request_was_lost_is_queued_again_and_sent_exactly_once()
    {
        var task = await DispatchOneAsync("c-ann", "ann@example.org");
        await DropQueuedRequestsAsync(); // lost: the process stopped after the enqueue, or the message was poisoned

        _clock.Advance(TimeSpan.FromMinutes(40)); // not stuck yet: nothing is queued again before the limit
        await SweepAsync();
        Assert.Equal(0, await _scenario.Queue.GetApproximateCountAsync());
        Assert.Equal(TaskState.Queued, (await _scenario.ReloadAsync(task)).State);

        _clock.Advance(TimeSpan.FromMinutes(25));
        await SweepAsync();
        var requeued = await _scenario.ReloadAsync(task);
        Assert.Equal((TaskState.Queued, SendReasons.SendRequestRequeued, 1), (requeued.State, requeued.FailureReason, requeued.LostSendRequeues));

        await DeliverQueuedAsync();
        var sent = await _scenario.ReloadAsync(task);
        Assert.Equal(TaskState.Sent, sent.State);
        await maildev.WaitForEmailsAsync(1, SendScenario.Patience);

        _clock.Advance(TimeSpan.FromHours(2)); // the watch ends with the send: nothing more happens to a sent task
        await SweepAsync();
        Assert.Equal(0, await _scenario.Queue.GetApproximateCountAsync());
        Assert.Equal(TaskState.Sent, (await _scenario.ReloadAsync(task)).State);
        Assert.Single(await maildev.GetEmailsAsync());
    }

    [Fact]
    public async Task A_request_that_was_only_invisible_when_queued_again_never_sends_the_task_twice()
    {
        var task = await DispatchOneAsync("c-bob", "bob@example.org");
        // A delivery took the message and is stalled (it stays invisible for hours); the sweeper cannot tell it from a lost one.
        var stalled = Assert.Single(await _scenario.Queue.ReceiveAsync(1, TimeSpan.FromHours(3)));

        _clock.Advance(StuckAfter + TimeSpan.FromMinutes(5));
        await SweepAsync();
        var fresh = Assert.Single(await _scenario.Queue.ReceiveAsync(1, TimeSpan.FromMinutes(5)));

        // Both requests arrive at once: only one claim can win the task's version, so one email goes out.
        var deliveries = await Task.WhenAll(PostAsync(stalled.Text, 1), PostAsync(fresh.Text, 1));
        foreach (var delivery in deliveries)
        {
            delivery.Dispose();
        }

        await maildev.WaitForEmailsAsync(1, SendScenario.Patience);
        using (var again = await PostAsync(stalled.Text, 2)) // and a late redelivery of either finds it sent
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        await Task.Delay(500); // a second email would have arrived by now
        Assert.Single(await maildev.GetEmailsAsync());
        Assert.Equal(TaskState.Sent, (await _scenario.ReloadAsync(task)).State);
    }

    [Fact]
    public async Task A_send_request_lost_again_after_being_queued_again_fails_the_task_unsent_with_a_reason_the_owner_sees()
    {
        var task = await DispatchOneAsync("c-cy", "cy@example.org");
        await DropQueuedRequestsAsync();
        _clock.Advance(StuckAfter + TimeSpan.FromMinutes(5));
        await SweepAsync();
        await DropQueuedRequestsAsync(); // lost again: something keeps losing it, so queuing it a third time would not help

        _clock.Advance(StuckAfter + TimeSpan.FromMinutes(5));
        await SweepAsync();

        var failed = await _scenario.ReloadAsync(task);
        Assert.Equal((TaskState.Failed, SendReasons.SendRequestLost), (failed.State, failed.FailureReason));
        Assert.Equal(0, await _scenario.Queue.GetApproximateCountAsync());
        Assert.Empty(await maildev.GetEmailsAsync());

        using var owner = await OwnerClientAsync();
        var listed = await owner.GetFromJsonAsync<JsonElement>("/api/tasks?state=failed");
        var shown = Assert.Single(listed.GetProperty("tasks").EnumerateArray());
        Assert.Equal((task.TaskId, SendReasons.SendRequestLost), (shown.GetProperty("id").GetString(), shown.GetProperty("failureReason").GetString()));

        // The owner sends it again: the dispatcher queues it with a fresh allowance, and it goes out.
        using (var requeue = await owner.PostAsync(new Uri($"/api/tasks/{task.TaskId}/requeue", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, requeue.StatusCode);
        }

        await RunTimerAsync("DispatchDue");
        Assert.Equal(0, (await _scenario.ReloadAsync(task)).LostSendRequeues);
        await DeliverQueuedAsync();
        Assert.Equal(TaskState.Sent, (await _scenario.ReloadAsync(task)).State);
        await maildev.WaitForEmailsAsync(1, SendScenario.Patience);
    }

    [Fact]
    public async Task A_claim_whose_request_is_gone_goes_to_review_and_is_never_sent_again()
    {
        var task = await DispatchOneAsync("c-dee", "dee@example.org");
        await DropQueuedRequestsAsync();
        // The send reached SMTP, then the status write failed on the queue's last delivery: claimed, and no request left.
        var queued = await _scenario.ReloadAsync(task);
        var claimed = await _scenario.Stores.Tasks.TryReplaceAsync(
            queued.MoveTo(TaskState.Claimed) with { ClaimedUtc = _clock.GetUtcNow(), MessageId = "<claimed@students.example.edu>" }, CancellationToken.None);
        Assert.NotNull(claimed);

        _clock.Advance(TimeSpan.FromMinutes(30)); // past the sender's 10-minute stale claim, not yet past the sweeper's limit
        await SweepAsync();
        Assert.Equal(TaskState.Claimed, (await _scenario.ReloadAsync(task)).State);

        _clock.Advance(TimeSpan.FromMinutes(35));
        await SweepAsync();
        var review = await _scenario.ReloadAsync(task);
        Assert.Equal((TaskState.NeedsReview, SendReasons.StaleClaim), (review.State, review.FailureReason));
        Assert.Equal(0, await _scenario.Queue.GetApproximateCountAsync());
        Assert.Empty(await maildev.GetEmailsAsync());
    }

    [Fact]
    public async Task A_requeue_cut_short_by_a_storage_failure_leaves_the_task_failed_for_the_owner_never_queued_with_nothing_to_send_it()
    {
        var task = await DispatchOneAsync("c-eve", "eve@example.org");
        var queued = await _scenario.ReloadAsync(task);
        Assert.NotNull(await _scenario.Stores.Tasks.TryReplaceAsync(
            queued.MoveTo(TaskState.Claimed).MoveTo(TaskState.Failed) with { FailureReason = "smtp-failed (535)" }, CancellationToken.None));
        await DropQueuedRequestsAsync();
        using var owner = await OwnerClientAsync();
        _clock.Advance(TimeSpan.FromMinutes(30)); // the owner fixed their SMTP account

        _app.Services.GetRequiredService<OutageDueIndex>().FailNextWrite();
        using (var cut = await owner.PostAsync(new Uri($"/api/tasks/{task.TaskId}/requeue", UriKind.Relative), null))
        {
            Assert.False(cut.IsSuccessStatusCode);
        }

        // Still failed and listed, so "Send again" is still there; it then goes out.
        var listed = await owner.GetFromJsonAsync<JsonElement>("/api/tasks?state=failed");
        Assert.Equal(task.TaskId, Assert.Single(listed.GetProperty("tasks").EnumerateArray()).GetProperty("id").GetString());
        using (var requeue = await owner.PostAsync(new Uri($"/api/tasks/{task.TaskId}/requeue", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, requeue.StatusCode);
        }

        await RunTimerAsync("DispatchDue");
        await DeliverQueuedAsync();
        Assert.Equal(TaskState.Sent, (await _scenario.ReloadAsync(task)).State);
        await maildev.WaitForEmailsAsync(1, SendScenario.Patience);
    }

    private static TestAppRoot NewRoot()
    {
        var root = TestAppRoot.CreateWithSending(maxDequeueCount: 3);
        root.AddShipped("DispatchDue");
        root.AddShipped("SweepStuckSends");
        return root;
    }

    /// <summary>Seeds one contact and its planned thank-you, due now, and lets the real dispatcher queue it.</summary>
    private async Task<OutreachTask> DispatchOneAsync(string contactId, string email)
    {
        var contact = SendScenario.Contact(_scenario.OwnerId, contactId, "Pat", "Lee", email);
        await _scenario.Stores.Contacts.WriteAsync(_scenario.OwnerId, [contact], CancellationToken.None);
        var task = SendScenario.Task(contact, "thank-you", TaskState.Planned) with { DueUtc = _clock.GetUtcNow() };
        Assert.True(await _scenario.Stores.Tasks.TryAddAsync(task, CancellationToken.None));
        await _scenario.Stores.DueIndex.UpsertAsync(DueIndexEntry.For(task, _clock.GetUtcNow()), CancellationToken.None);
        await RunTimerAsync("DispatchDue");
        var queued = await _scenario.ReloadAsync(task);
        Assert.Equal((TaskState.Queued, _clock.GetUtcNow()), (queued.State, queued.SendAtUtc));
        Assert.Equal(1, await _scenario.Queue.GetApproximateCountAsync());
        return queued;
    }

    private async Task DropQueuedRequestsAsync() => await _scenario.Queue.ClearAsync();

    /// <summary>What the host does with the one message on the queue: deliver it to SendOutreach and delete it on success.</summary>
    private async Task DeliverQueuedAsync()
    {
        var message = Assert.Single(await _scenario.Queue.ReceiveAsync(32, TimeSpan.FromMinutes(5)));
        using var delivered = await PostAsync(message.Text, (int)message.DequeueCount);
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        await _scenario.Queue.DeleteAsync(message.MessageId, message.PopReceipt);
    }

    private Task<HttpResponseMessage> PostAsync(string messageText, int dequeueCount)
    {
        var envelope = new
        {
            Data = new { task = messageText },
            Metadata = new
            {
                DequeueCount = dequeueCount,
                Id = Guid.NewGuid().ToString(),
                PopReceipt = "receipt",
                sys = new { MethodName = "SendOutreach", UtcNow = _clock.GetUtcNow(), RandGuid = Guid.NewGuid() },
            },
        };
        return _handler.PostAsJsonAsync("/SendOutreach", envelope);
    }

    private Task SweepAsync() => RunTimerAsync("SweepStuckSends");

    private async Task RunTimerAsync(string function)
    {
        var now = _clock.GetUtcNow().ToString("o");
        var envelope = $$"""
            { "Data": { "timer": { "Schedule": { "AdjustForDST": true },
                "ScheduleStatus": { "Last": "{{now}}", "Next": "{{now}}", "LastUpdated": "{{now}}" }, "IsPastDue": false } },
              "Metadata": { "sys": { "MethodName": "{{function}}", "UtcNow": "{{now}}", "RandGuid": "{{Guid.NewGuid()}}" } } }
            """;
        using var content = new StringContent(envelope, Encoding.UTF8, "application/json");
        using var response = await _handler.PostAsync(new Uri("/" + function, UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The app's due index over Azurite, whose next write can be made to fail as a storage outage would.</summary>
    private sealed class OutageDueIndex(IDueIndex inner) : IDueIndex
    {
        private int _failNext;

        public void FailNextWrite() => Volatile.Write(ref _failNext, 1);

        public Task UpsertAsync(DueIndexEntry entry, CancellationToken cancellationToken) =>
            Interlocked.Exchange(ref _failNext, 0) == 1
                ? throw new IOException("The storage account did not answer.")
                : inner.UpsertAsync(entry, cancellationToken);

        public Task RemoveAsync(DueIndexEntry entry, CancellationToken cancellationToken) => inner.RemoveAsync(entry, cancellationToken);

        public Task<IReadOnlyList<DueIndexEntry>> ReadBucketAsync(string bucketKey, CancellationToken cancellationToken) =>
            inner.ReadBucketAsync(bucketKey, cancellationToken);
    }

    private async Task<HttpClient> OwnerClientAsync()
    {
        var accounts = _app.Services.GetRequiredService<AccountService>();
        await accounts.CreateAccountAsync(_scenario.OwnerId, AccountKind.Owner, "Test owner", "Europe/London", CancellationToken.None);
        var key = await accounts.IssueKeyAsync(_scenario.OwnerId, ApiScopes.OwnerDefault, "test", CancellationToken.None);
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.PlainText);
        return client;
    }
}
