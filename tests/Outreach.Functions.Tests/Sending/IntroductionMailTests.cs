using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Outreach.Core.Messaging.Templates;
using Outreach.Core.Planning;
using Outreach.Functions.Dispatching;
using Outreach.Functions.Introductions;
using Outreach.Functions.Tests.Campaigns;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Sending;

/// <summary>
/// An introduction end to end on Azurite and maildev: requested over HTTP, its consent ask dispatched and sent to B with
/// B's working yes/no link, B's yes over that link, and the one introduction email to A and B with the introducer in Cc;
/// the nudge to A after it is threaded under that email.
/// </summary>
public sealed class IntroductionMailTests(AzuriteFixture azurite, MailDevFixture maildev) : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>, IDisposable
{
    private readonly CampaignsApp _app = CampaignsApp.StartWithSending(
        azurite,
        ("Smtp:Host", "127.0.0.1"),
        ("Smtp:Port", maildev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Smtp:EnableSsl", "false"),
        ("Smtp:Timeout", "00:00:05"),
        ("Secrets:CurrentKeyId", "s1"),
        ("Secrets:Keys:s1", Convert.ToBase64String(SendScenario.SecretKey)));

    [Fact]
    public async Task B_is_asked_with_a_working_link_and_after_yes_A_and_B_get_one_introduction_with_the_introducer_in_copy()
    {
        await maildev.DeleteAllAsync();
        using var introducer = await Introducer.CreateAsync(_app);
        var introductionId = await introducer.IntroduceIdAsync();

        var ask = await SendDueAsync(introducer, TemplateKind.IntroAsk);
        var askMail = Assert.Single(await maildev.WaitForEmailsAsync(1, SendScenario.Patience));
        Assert.Equal([$"{introducer.B}@example.org"], Addresses(askMail, "to"));
        Assert.Empty(Addresses(askMail, "cc"));
        Assert.Equal("May I introduce you to Ada Contact?", askMail.GetProperty("subject").GetString());
        var text = askMail.GetProperty("text").GetString()!;
        Assert.Contains("I think you two should talk because you both like pricing.", text, StringComparison.Ordinal);
        Assert.Contains("I met Ada at Class visit on January 13. I think", text, StringComparison.Ordinal); // how the introducer knows A
        Assert.Contains("/api/unsubscribe/", text, StringComparison.Ordinal);
        var link = new Uri(text[text.IndexOf("https://outreach.example/api/introductions/consent/", StringComparison.Ordinal)..].Split('\n', ' ')[0].Trim());
        Assert.Equal(TaskState.Sent, ask.State);

        using var anonymous = _app.Anonymous();
        using var yes = await anonymous.PostAsync(link.PathAndQuery, new FormUrlEncodedContent([new("answer", "yes")]));
        Assert.Equal(HttpStatusCode.OK, yes.StatusCode);
        Assert.Equal("introduced", (await introducer.GetAsync(introductionId)).GetProperty("state").GetString());

        await maildev.DeleteAllAsync();
        var intro = await SendDueAsync(introducer, TemplateKind.Intro);
        var introMail = Assert.Single(await maildev.WaitForEmailsAsync(1, SendScenario.Patience));
        Assert.Equal([$"{introducer.A}@example.org", $"{introducer.B}@example.org"], Addresses(introMail, "to"));
        Assert.Equal(["sam@school.example"], Addresses(introMail, "cc"));
        Assert.Equal("An introduction: Ada Contact and Bea Contact", introMail.GetProperty("subject").GetString());
        var introText = introMail.GetProperty("text").GetString()!;
        Assert.Contains("you both like pricing", introText, StringComparison.Ordinal);
        Assert.Contains("I met Bea at Class visit on January 13. I met Ada at Class visit on January 13.", introText, StringComparison.Ordinal);
        Assert.Equal(TaskState.Sent, intro.State);

        // One message to two people: no List-Unsubscribe header (it could name one of them only), and each has their own
        // link in the body. B's link stops notes to B, and A stays reachable.
        Assert.False(introMail.GetProperty("headers").TryGetProperty("list-unsubscribe", out _));
        var links = UnsubscribeLinks(introText);
        Assert.Equal(2, links.Length);
        Assert.Contains("Ada: " + links[0], introText, StringComparison.Ordinal);
        Assert.Contains("Bea: " + links[1], introText, StringComparison.Ordinal);
        using (var stop = await anonymous.PostAsync(links[1].PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])))
        {
            Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        }

        var suppressed = (await _app.Stores.Suppressions.ListAsync(introducer.OwnerId, CancellationToken.None)).Select(x => x.Key).ToList();
        Assert.Contains($"contact:{introducer.B}", suppressed);
        Assert.DoesNotContain($"contact:{introducer.A}", suppressed);
    }

    [Fact]
    public async Task The_nudge_to_A_replies_to_the_introduction_email_so_it_shows_in_the_same_conversation()
    {
        await maildev.DeleteAllAsync();
        using var introducer = await Introducer.CreateAsync(_app);
        var introductionId = await introducer.IntroduceIdAsync();
        _ = await SendDueAsync(introducer, TemplateKind.IntroAsk);
        using (var yes = await introducer.Client.PostAsJsonAsync($"/api/introductions/{introductionId}/answer", new { answer = "yes" }))
        {
            Assert.Equal(HttpStatusCode.OK, yes.StatusCode);
        }

        var intro = await SendDueAsync(introducer, TemplateKind.Intro);
        var introMail = (await maildev.WaitForEmailsAsync(2, SendScenario.Patience))
            .Single(m => m.GetProperty("headers").GetProperty("message-id").GetString() == intro.MessageId);
        // The consent ask went to B alone: the email to A and B starts the conversation A sees.
        Assert.False(introMail.GetProperty("headers").TryGetProperty("in-reply-to", out _));
        _app.Clock.SetUtcNow(intro.SentUtc!.Value.AddDays(7).AddMinutes(1));
        using (var timer = await _app.RunTimerAsync(AdvanceIntroductionsFunction.FunctionName))
        {
            Assert.Equal(HttpStatusCode.OK, timer.StatusCode);
        }

        Assert.Equal("nudged", (await introducer.GetAsync(introductionId)).GetProperty("state").GetString());
        await maildev.DeleteAllAsync();
        var nudge = await SendDueAsync(introducer, TemplateKind.Nudge);

        var nudgeMail = Assert.Single(await maildev.WaitForEmailsAsync(1, SendScenario.Patience));
        var headers = nudgeMail.GetProperty("headers");
        Assert.Equal(nudge.MessageId, headers.GetProperty("message-id").GetString());
        Assert.Equal([$"{introducer.A}@example.org"], Addresses(nudgeMail, "to"));
        Assert.Equal("A gentle nudge about meeting Bea Contact", nudgeMail.GetProperty("subject").GetString()); // A is nudged about B, not about A
        Assert.Equal(intro.MessageId, headers.GetProperty("in-reply-to").GetString());
        Assert.Equal(intro.MessageId, headers.GetProperty("references").GetString());
    }

    public void Dispose() => _app.Dispose();

    private static Uri[] UnsubscribeLinks(string text) =>
        [.. text.Split('\n', ' ').Select(w => w.Trim()).Where(w => w.StartsWith("https://outreach.example/api/unsubscribe/", StringComparison.Ordinal)).Select(w => new Uri(w))];

    private static string[] Addresses(JsonElement mail, string field) =>
        mail.TryGetProperty(field, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Select(a => a.GetProperty("address").GetString()!)]
            : [];

    /// <summary>Runs the dispatcher until the introduction's task of <paramref name="kind"/> is queued, delivers it to SendOutreach and returns it as stored.</summary>
    private async Task<OutreachTask> SendDueAsync(Introducer introducer, TemplateKind kind)
    {
        var contactId = kind == TemplateKind.IntroAsk ? introducer.B : introducer.A;
        var task = (await _app.Stores.Tasks.ListForContactAsync(introducer.OwnerId, contactId, CancellationToken.None)).Single(t => t.Template == kind);
        _app.Clock.SetUtcNow(task.DueUtc.AddMinutes(1));
        using (var run = await _app.RunTimerAsync(DispatchDueFunction.FunctionName))
        {
            Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        }

        var queued = await _app.Stores.Tasks.FindAsync(introducer.OwnerId, task.TaskId, CancellationToken.None);
        Assert.Equal(TaskState.Queued, queued!.State);
        using var host = _app.HostClient();
        using (var delivery = await SendScenario.PostDeliveryAsync(host, queued, dequeueCount: 1))
        {
            Assert.Equal(HttpStatusCode.OK, delivery.StatusCode);
        }

        return (await _app.Stores.Tasks.FindAsync(introducer.OwnerId, task.TaskId, CancellationToken.None))!;
    }
}
