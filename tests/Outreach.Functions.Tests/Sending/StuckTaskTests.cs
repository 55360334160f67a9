using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Outreach.Core.Planning;
using Outreach.Functions.Tests.Templates;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Sending;

/// <summary>
/// A task the sender gave up on has a way back: Campaigns/README promises "failed and needs_review can go back to
/// queued", "the owner fixes the account and re-queues", "a person decides". Enrolling again is a no-op (the task id
/// exists), so the owner re-queues it through <c>POST /api/tasks/{id}/requeue</c>.
/// </summary>
public sealed class StuckTaskTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private TemplatesHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TemplatesHost.StartAsync(azurite, SendScenario.ClosedPort(), [SendScenario.Contact("seeded", "c-zoe", "Zoë", "Ångström", "zoe@example.org")]);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_task_failed_by_an_smtp_outage_can_be_queued_again_by_its_owner()
    {
        var task = _host.Tasks[0];
        using var handler = _host.Factory.CreateClient();
        using var last = await SendScenario.PostDeliveryAsync(handler, task, dequeueCount: 3); // maxDequeueCount 3: SMTP down on the last try
        var failed = await _host.Scenario.ReloadAsync(task);
        Assert.Equal((TaskState.Failed, "smtp-transient"), (failed.State, failed.FailureReason));
        var listed = await _host.Owner.GetFromJsonAsync<JsonElement>("/api/tasks?state=failed");
        Assert.Equal(task.TaskId, listed.GetProperty("tasks")[0].GetProperty("id").GetString());
        _host.Clock.Advance(TimeSpan.FromHours(1)); // the owner's mail server is back

        using var requeue = await _host.Owner.PostAsync(new Uri($"/api/tasks/{task.TaskId}/requeue", UriKind.Relative), null);
        using var foreign = await _host.Other.PostAsync(new Uri($"/api/tasks/{task.TaskId}/requeue", UriKind.Relative), null);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound), (requeue.StatusCode, foreign.StatusCode));
        var queued = await _host.Scenario.ReloadAsync(task);
        Assert.Equal((TaskState.Queued, _host.Clock.GetUtcNow()), (queued.State, queued.DueUtc));
        var now = _host.Clock.GetUtcNow();
        var bucket = await _host.Scenario.Stores.DueIndex.ReadBucketAsync(DueBuckets.KeyOf(now), CancellationToken.None);
        Assert.Contains(bucket, e => e.OwnerId == task.OwnerId && e.TaskId == task.TaskId && e.DueUtc == now); // the next dispatcher run sends it
    }
}
