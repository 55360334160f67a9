using System.Net;
using System.Net.Http.Json;
using Outreach.Core.Planning;
using Outreach.Functions.Tests.Campaigns;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Sending;

/// <summary>
/// A student's own mailbox set through <c>PUT /api/sender/smtp</c>, end to end on Azurite: the deployment's inbox is one
/// maildev, the student's another that takes mail only after AUTH with the student's login, so a note arriving there
/// proves the sealed password was unsealed and used.
/// </summary>
public sealed class OwnMailboxSendTests(AzuriteFixture azurite, MailDevFixture deployment, AuthenticatedMailDevFixture mailbox)
    : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>, IClassFixture<AuthenticatedMailDevFixture>, IAsyncLifetime
{
    private readonly CampaignsApp _app = CampaignsApp.StartWithSending(
        azurite,
        ("Smtp:Host", "127.0.0.1"),
        ("Smtp:Port", deployment.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Smtp:EnableSsl", "false"),
        ("Smtp:Timeout", "00:00:05"),
        ("Smtp:AllowPrivateServers", "true"), // the mailboxes are maildevs on 127.0.0.1
        ("Secrets:CurrentKeyId", "s1"),
        ("Secrets:Keys:s1", Convert.ToBase64String(SendScenario.SecretKey)));

    private int _sends;

    public async Task InitializeAsync()
    {
        await deployment.DeleteAllAsync();
        await mailbox.DeleteAllAsync();
    }

    [Fact]
    public async Task A_note_goes_out_through_the_students_own_mailbox_with_their_login_and_not_the_deployments()
    {
        var ownerId = ApiApp.NewId("o");
        using var owner = await _app.OwnerAsync(ownerId);
        await SetMailboxAsync(owner, AuthenticatedMailDevFixture.Password);

        var task = await SendOneAsync(ownerId);

        Assert.Equal(TaskState.Sent, task.State);
        var mail = Assert.Single(await mailbox.WaitForEmailsAsync(1, SendScenario.Patience));
        Assert.Equal(task.MessageId, mail.GetProperty("headers").GetProperty("message-id").GetString());
        Assert.Empty(await deployment.GetEmailsAsync());
    }

    [Fact]
    public async Task A_wrong_password_fails_the_note_unsent_and_a_corrected_one_is_used_for_the_next_send()
    {
        var ownerId = ApiApp.NewId("o");
        using var owner = await _app.OwnerAsync(ownerId);
        await SetMailboxAsync(owner, "not-the-password");

        var refused = await SendOneAsync(ownerId);
        await SetMailboxAsync(owner, AuthenticatedMailDevFixture.Password);
        var sent = await SendOneAsync(ownerId);

        Assert.Equal(TaskState.Failed, refused.State);
        Assert.Contains(Core.Messaging.Delivery.SendFailureCauses.NotLoggedIn, refused.FailureReason, StringComparison.Ordinal); // not a "policy" refusal
        Assert.Equal(TaskState.Sent, sent.State);
        var mail = Assert.Single(await mailbox.WaitForEmailsAsync(1, SendScenario.Patience));
        Assert.Equal(sent.MessageId, mail.GetProperty("headers").GetProperty("message-id").GetString());
        Assert.Empty(await deployment.GetEmailsAsync());
    }

    [Fact]
    public async Task After_the_mailbox_is_removed_notes_go_through_the_deployments_account_again()
    {
        var ownerId = ApiApp.NewId("o");
        using var owner = await _app.OwnerAsync(ownerId);
        await SetMailboxAsync(owner, AuthenticatedMailDevFixture.Password);
        _ = await SendOneAsync(ownerId);
        using (var remove = await owner.DeleteAsync(new Uri("/api/sender/smtp", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, remove.StatusCode);
        }

        var task = await SendOneAsync(ownerId);

        Assert.Equal(TaskState.Sent, task.State);
        var mail = Assert.Single(await deployment.WaitForEmailsAsync(1, SendScenario.Patience));
        Assert.Equal(task.MessageId, mail.GetProperty("headers").GetProperty("message-id").GetString());
        Assert.Single(await mailbox.GetEmailsAsync());
    }

    [Fact]
    public async Task Removing_the_mailbox_closes_the_apps_open_connection_to_it_without_waiting_for_another_send()
    {
        await using var own = new ScriptedSmtpServer();
        var ownerId = ApiApp.NewId("o");
        using var owner = await _app.OwnerAsync(ownerId);
        using (var put = await owner.PutAsJsonAsync("/api/sender/smtp", new { host = "127.0.0.1", port = own.Port, userName = "sam", password = "pw", startTls = false }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        Assert.Equal(TaskState.Sent, (await SendOneAsync(ownerId)).State);
        Assert.Equal(1, own.OpenConnections); // pooled for the next note

        using (var remove = await owner.DeleteAsync(new Uri("/api/sender/smtp", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, remove.StatusCode);
        }

        using var deadline = new CancellationTokenSource(SendScenario.Patience);
        while (own.OpenConnections > 0)
        {
            await Task.Delay(50, deadline.Token);
        }
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private async Task SetMailboxAsync(HttpClient owner, string password)
    {
        using var put = await owner.PutAsJsonAsync("/api/sender/smtp", new
        {
            host = "127.0.0.1", port = mailbox.SmtpPort, userName = AuthenticatedMailDevFixture.User, password, startTls = false,
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
    }

    /// <summary>A new contact's thank-you, queued and due now inside the window, delivered once to SendOutreach; the task as stored after.</summary>
    private async Task<OutreachTask> SendOneAsync(string ownerId)
    {
        // From Tuesday 10:00 in London (the default window is open), an hour apart: past any spacing between sends.
        _app.Clock.SetUtcNow(CampaignsApp.Now.AddHours(2 + _sends++));
        var contactId = await _app.AddContactAsync(ownerId, "Ann");
        var contact = (await _app.Stores.Contacts.GetAsync(ownerId, contactId, CancellationToken.None))!;
        var task = SendScenario.Task(contact, "thank-you") with { DueUtc = _app.Clock.GetUtcNow() };
        Assert.True(await _app.Stores.Tasks.TryAddAsync(task, CancellationToken.None));
        using var host = _app.HostClient();
        using (var delivery = await SendScenario.PostDeliveryAsync(host, task, dequeueCount: 3))
        {
            Assert.True(delivery.IsSuccessStatusCode || delivery.StatusCode == HttpStatusCode.InternalServerError, delivery.StatusCode.ToString());
        }

        return (await _app.Stores.Tasks.FindAsync(ownerId, task.TaskId, CancellationToken.None))!;
    }
}
