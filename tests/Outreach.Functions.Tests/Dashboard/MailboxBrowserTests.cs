using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Outreach.Core.Senders;
using Outreach.Functions.Tests.Sending;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Dashboard;

/// <summary>
/// "Your mailbox (SMTP)" in a real browser against the real app on Kestrel and Azurite, and a real maildev that takes
/// mail only after AUTH: test, save, test the stored account, remove; the password field is never filled in.
/// </summary>
public sealed class MailboxBrowserTests(AzuriteFixture azurite, AuthenticatedMailDevFixture mailbox)
    : LoopbackBrowserTest(
        azurite,
        ("Smtp:Timeout", "00:00:05"),
        ("Smtp:AllowPrivateServers", "true"), // the mailboxes are maildevs on 127.0.0.1
        ("Secrets:CurrentKeyId", "s1"),
        ("Secrets:Keys:s1", Convert.ToBase64String(SendScenario.SecretKey))),
    IClassFixture<AzuriteFixture>, IClassFixture<AuthenticatedMailDevFixture>
{
    [Fact]
    public async Task A_student_tests_a_wrong_password_then_saves_the_right_one_tests_it_stored_and_removes_it()
    {
        var (ownerId, key) = await OwnerAsync();
        var page = await OpenDashboardAsync(key);
        await OpenMailboxAsync(page);
        var initially = await page.Locator("#mailbox-current").TextContentAsync();
        await page.Locator("#mailbox-host").FillAsync("127.0.0.1");
        await page.Locator("#mailbox-port").FillAsync(mailbox.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#mailbox-username").FillAsync(AuthenticatedMailDevFixture.User);
        await page.Locator("#mailbox-password").FillAsync("wrong-password-0815");
        await page.Locator("#mailbox-starttls").SetCheckedAsync(false);

        await page.GetByRole(AriaRole.Button, new() { Name = "Test" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('mailbox-status').classList.contains('error')");
        var refusal = await page.Locator("#mailbox-status").TextContentAsync();
        var passwordMarked = await page.Locator("#mailbox-password").GetAttributeAsync("aria-invalid");
        var storedAfterTest = await StoredAsync(ownerId);

        await page.Locator("#mailbox-password").FillAsync(AuthenticatedMailDevFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('mailbox-status').textContent.startsWith('Saved')");
        var passwordAfterSave = await page.Locator("#mailbox-password").InputValueAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Test" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('mailbox-status').textContent.startsWith('Logged in')");
        var loggedIn = await page.Locator("#mailbox-status").TextContentAsync();

        await page.ReloadAsync();
        await page.GetByText("Show my mailbox settings").ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('mailbox-current').textContent.includes('own mailbox')");
        var shownAfterReload = (await page.Locator("#mailbox-current").TextContentAsync(), await page.Locator("#mailbox-host").InputValueAsync(), await page.Locator("#mailbox-password").InputValueAsync());
        var stored = await StoredAsync(ownerId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('mailbox-status').textContent.startsWith('Removed')");

        Assert.Contains("deployment's mail server", initially, StringComparison.Ordinal);
        Assert.Contains("refused the login", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password-0815", refusal, StringComparison.Ordinal);
        Assert.Equal("true", passwordMarked);
        Assert.Null(storedAfterTest);
        Assert.Equal(string.Empty, passwordAfterSave);
        Assert.Contains("Nothing was sent", loggedIn, StringComparison.Ordinal);
        Assert.Contains("(password set)", shownAfterReload.Item1, StringComparison.Ordinal);
        Assert.Equal(("127.0.0.1", string.Empty), (shownAfterReload.Item2, shownAfterReload.Item3));
        Assert.Equal(AuthenticatedMailDevFixture.User, stored!.UserName);
        Assert.NotEqual(AuthenticatedMailDevFixture.Password, stored.ProtectedPassword);
        Assert.Null(await StoredAsync(ownerId));
        Assert.Empty(await mailbox.GetEmailsAsync());
        Assert.DoesNotContain(BrowserErrors, e => e.StartsWith("uncaught", StringComparison.Ordinal)); // the 422 is logged, and expected
    }

    [Fact]
    public async Task A_refused_field_is_marked_and_the_servers_reason_shown()
    {
        var (ownerId, key) = await OwnerAsync();
        var page = await OpenDashboardAsync(key);
        await OpenMailboxAsync(page);
        await page.Locator("#mailbox-host").FillAsync("smtp.school.example");
        await page.Locator("#mailbox-port").FillAsync("465");
        await page.Locator("#mailbox-username").FillAsync("sam");
        await page.Locator("#mailbox-password").FillAsync("pw");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('mailbox-status').classList.contains('error')");

        Assert.Contains("Port 465", await page.Locator("#mailbox-status").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await page.Locator("#mailbox-port").GetAttributeAsync("aria-invalid"));
        Assert.Null(await StoredAsync(ownerId));
        Assert.DoesNotContain(BrowserErrors, e => e.StartsWith("uncaught", StringComparison.Ordinal));
    }

    /// <summary>Opens the section, which loads the stored account only then.</summary>
    private static async Task OpenMailboxAsync(IPage page)
    {
        await page.GetByText("Show my mailbox settings").ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('mailbox-current').textContent.length > 0");
    }

    private async Task<SmtpAccount?> StoredAsync(string ownerId) =>
        (await App.Factory.Services.GetRequiredService<ISenderProfileStore>().GetAsync(ownerId, CancellationToken.None))?.Smtp;

    private async Task<(string OwnerId, string Key)> OwnerAsync()
    {
        var ownerId = ApiApp.NewId("owner");
        var key = await App.CreateAccountWithKeyAsync(ownerId);
        using var client = App.Client(key);
        using var sender = await client.PutAsJsonAsync("/api/sender", new { firstName = "Sam", lastName = "Student", email = "sam@students.example", timeZone = "Europe/London" });
        sender.EnsureSuccessStatusCode();
        return (ownerId, key);
    }
}
