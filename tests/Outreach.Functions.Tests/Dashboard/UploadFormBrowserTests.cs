using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Outreach.Core.Accounts;
using Outreach.Core.Senders;
using Outreach.Functions.Tests.Support;
using Outreach.Storage;
using Outreach.Storage.Stores;
using Outreach.Testing.LocalServices;
using static Outreach.Functions.Tests.Imports.ImportFiles;

namespace Outreach.Functions.Tests.Dashboard;

/// <summary>
/// The dashboard's upload form in a real browser, against the real app on Kestrel and Azurite: one upload at a time,
/// a campaign to plan follow-ups with, refusals tied to their field, a page that fits a phone, and the wait for a queued
/// import riding out a failed poll. The queued-import tests answer the upload and the polls through Playwright routes,
/// to script what each poll says.
/// </summary>
public sealed class UploadFormBrowserTests(AzuriteFixture azurite) : LoopbackBrowserTest(azurite, ("Limits:MaxUploadBytes", "4096")), IClassFixture<AzuriteFixture>
{
    private const string Queued = """{"id":"imp-1","status":"queued","reportUrl":"/api/imports/imp-1"}""";
    private const string Running = """{"id":"imp-1","status":"running","fileName":"big.csv","progress":{"rowsRead":10,"bytesRead":100,"totalBytes":1000,"percent":10}}""";
    private const string Updating = """{"id":"imp-1","status":"running","fileName":"big.csv","progress":{"rowsRead":900,"bytesRead":1000,"totalBytes":1000,"percent":99,"contactsDone":300,"contactsTotal":800}}""";
    private const string RunningWithoutProgress = """{"id":"imp-1","status":"running","fileName":"big.csv","progress":null}""";
    private const string Completed = """{"id":"imp-1","status":"completed","fileName":"big.csv","counts":{"rows":1,"accepted":1,"merged":0,"alreadyKnown":0,"rejected":0},"rejected":[]}""";
    private const string Failed = """{"id":"imp-1","status":"failed","fileName":"big.csv","error":"The import could not be completed; upload the file again."}""";
    private const string StatusIs = "(text) => document.getElementById('upload-status').textContent === text";

    [Fact]
    public async Task A_double_tap_on_upload_sends_one_import()
    {
        var (page, _, _) = await OpenAsync("tap");
        var posts = 0;
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.Contains("/api/imports", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref posts);
            }
        };
        await page.SetInputFilesAsync("#upload-file", Csv("two.csv", "Name,Email\nAda Lovelace,ada@example.org\n"));

        await page.DblClickAsync("#upload-form button[type=submit]");
        await page.WaitForFunctionAsync(StatusIs, "Import finished.");
        await page.WaitForSelectorAsync("#imports-body tbody tr");

        Assert.Equal(1, posts);
        Assert.Equal(1, await page.Locator("#imports-body tbody tr").CountAsync());
        Assert.False(await page.Locator("#upload-form button[type=submit]").First.IsDisabledAsync()); // enabled again once the report is in
        AssertNoBrowserErrors();
    }

    [Fact]
    public async Task A_campaign_chosen_on_the_form_plans_follow_ups_for_the_imported_contacts()
    {
        var (page, key, ownerId) = await OpenAsync("camp");
        var stores = new TableStores(StorageAccount.FromConnectionString(Azurite.ConnectionString));
        await stores.Senders.SaveAsync(
            new SenderProfile { OwnerId = ownerId, FirstName = "Sam", LastName = "Student", Email = "sam@students.example.edu", Signature = "Sam" }, CancellationToken.None);

        var offered = await page.Locator("#upload-campaign option").AllTextContentsAsync();
        await page.SelectOptionAsync("#upload-campaign", "class-visit-follow-up");
        await page.SetInputFilesAsync("#upload-file", Csv("met.csv", "Name,Email\nAda Lovelace,ada@example.org\nGrace Hopper,grace@example.org\n"));
        await page.ClickAsync("#upload-form button[type=submit]");
        await page.WaitForFunctionAsync(StatusIs, "Import finished.");

        // The introduction flow is started from an introduction, not an upload, so the form does not offer it.
        Assert.Equal(["no campaign: import only", "Class visit follow-up"], offered);
        using var client = App.Client(key);
        var contacts = (await ContactsAsync(client)).Select(c => c.GetProperty("id").GetString()!).ToList();
        Assert.Equal(2, contacts.Count);
        foreach (var contactId in contacts)
        {
            Assert.NotEmpty(await stores.Tasks.ListForContactAsync(ownerId, contactId, CancellationToken.None));
        }
    }

    [Fact]
    public async Task The_encoding_chosen_on_the_form_is_how_the_file_is_read()
    {
        var (page, key, _) = await OpenAsync("latin9");
        var latin9 = Core.Imports.DeclaredCharset.Resolve("iso-8859-15").GetBytes("First Name,Last Name,Email\nŠimon,Žák,simon@example.cz\n");

        await page.SelectOptionAsync("#upload-charset", "iso-8859-15");
        await page.SetInputFilesAsync("#upload-file", new FilePayload { Name = "cz.csv", MimeType = "text/csv", Buffer = latin9 });
        await page.ClickAsync("#upload-form button[type=submit]");
        await page.WaitForFunctionAsync(StatusIs, "Import finished.");

        using var client = App.Client(key);
        Assert.Equal("Šimon Žák", Assert.Single(await ContactsAsync(client)).GetProperty("fullName").GetString());
        AssertNoBrowserErrors();
    }

    [Fact]
    public async Task A_refusal_naming_a_field_marks_it_invalid_and_moves_focus_to_it()
    {
        var (page, _, _) = await OpenAsync("field");
        await page.SetInputFilesAsync("#upload-file", Csv("c.csv", "Name,Email\nAda Lovelace,ada@example.org\n"));
        await page.FillAsync("#upload-columns", "nonsense");

        await page.ClickAsync("#upload-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.getElementById('upload-status').classList.contains('error')");

        Assert.Contains("'nonsense' is not written header=field", await page.Locator("#upload-status").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("upload-columns", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Equal(("true", "upload-status"), (await page.GetAttributeAsync("#upload-columns", "aria-invalid"), await page.GetAttributeAsync("#upload-columns", "aria-describedby")));

        // Fixed and sent again: the mark goes.
        await page.FillAsync("#upload-columns", string.Empty);
        await page.ClickAsync("#upload-form button[type=submit]");
        await page.WaitForFunctionAsync(StatusIs, "Import finished.");
        Assert.Null(await page.GetAttributeAsync("#upload-columns", "aria-invalid"));
    }

    [Fact]
    public async Task An_upload_over_the_limit_says_which_limit_and_how_large()
    {
        var (page, _, _) = await OpenAsync("big");
        var big = new StringBuilder("Name,Email\n");
        for (var i = 0; i < 500; i++)
        {
            big.Append(CultureInfo.InvariantCulture, $"Person {i},person{i}@example.org\n");
        }

        await page.SetInputFilesAsync("#upload-file", Csv("big.csv", big.ToString()));
        await page.ClickAsync("#upload-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.getElementById('upload-status').classList.contains('error')", null, new() { Timeout = 30_000 });

        var status = await page.Locator("#upload-status").TextContentAsync();
        Assert.Contains("4096", status, StringComparison.Ordinal);
        Assert.Contains("Limits:MaxUploadBytes", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_with_rejected_rows_fits_a_phone_screen()
    {
        var (page, _, _) = await OpenAsync("phone");
        await page.SetViewportSizeAsync(360, 740);
        var rows = new StringBuilder("First name,Last name,Email,Company,What we talked about\n");
        for (var i = 0; i < 3; i++)
        {
            rows.Append(CultureInfo.InvariantCulture, $"Jane{i},Doe,jane{i}@@initrode.example,Initrode-Global-Holdings-International,{new string('x', 120)}\n");
        }

        await page.SetInputFilesAsync("#upload-file", Csv("bad.csv", rows.ToString()));
        await page.ClickAsync("#upload-form button[type=submit]");
        await page.WaitForFunctionAsync(StatusIs, "Import finished.");
        await page.WaitForSelectorAsync("#imports-body tbody tr");

        var (viewport, pageWidth) = await WidthsAsync(page);
        var wide = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))");
        Assert.True(pageWidth <= viewport, $"the page is {pageWidth} px wide on a {viewport} px screen: {string.Join(", ", wide)}");
        Assert.Equal(3, await page.Locator("#upload-report table.report-rejected tbody tr").CountAsync());
    }

    [Fact]
    public async Task A_failed_poll_or_a_dropped_connection_does_not_end_the_wait_for_a_queued_import()
    {
        var page = await QueuedAsync((poll, route) => poll switch
        {
            1 => Json(route, Running),
            2 => route.FulfillAsync(new() { Status = 502, ContentType = "text/html", Body = "<h1>Bad gateway</h1>" }),
            3 => route.AbortAsync("internetdisconnected"),
            4 => route.FulfillAsync(new() { Status = 429, ContentType = "application/problem+json", Body = """{"title":"Too many requests."}""" }),
            _ => Json(route, Completed),
        });

        await page.ClickAsync("#upload-form button[type=submit]");
        await page.WaitForFunctionAsync(StatusIs, "Import finished.", new() { Timeout = 60_000 });

        Assert.StartsWith("Import of big.csv: completed", await page.Locator("#upload-report h3").TextContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(BrowserErrors, e => e.StartsWith("uncaught", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_queued_import_that_failed_is_shown_as_an_error_not_as_finished()
    {
        var page = await QueuedAsync((_, route) => Json(route, Failed));

        await page.ClickAsync("#upload-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.getElementById('upload-status').classList.contains('error')");

        Assert.Equal("The import could not be completed; upload the file again.", await page.Locator("#upload-status").TextContentAsync());
    }

    [Fact]
    public async Task A_running_import_without_progress_yet_is_importing_not_queued()
    {
        var answered = new TaskCompletionSource();
        var page = await QueuedAsync(async (poll, route) =>
        {
            if (poll == 1)
            {
                await Json(route, RunningWithoutProgress);
                return;
            }

            await answered.Task;
            await Json(route, Completed);
        });

        await page.ClickAsync("#upload-form button[type=submit]");
        await page.WaitForFunctionAsync(StatusIs, "Importing…");
        answered.SetResult();
        await page.WaitForFunctionAsync(StatusIs, "Import finished.");
    }

    [Fact]
    public async Task An_import_whose_rows_are_all_read_says_how_many_contacts_it_has_updated_of_how_many()
    {
        var answered = new TaskCompletionSource();
        var page = await QueuedAsync(async (poll, route) =>
        {
            if (poll == 1)
            {
                await Json(route, Updating);
                return;
            }

            await answered.Task;
            await Json(route, Completed);
        });

        await page.ClickAsync("#upload-form button[type=submit]");
        await page.WaitForFunctionAsync(StatusIs, "Importing… 900 rows read; updating contacts: 300 of 800");
        answered.SetResult();
        await page.WaitForFunctionAsync(StatusIs, "Import finished.");
    }

    [Fact]
    public async Task A_coach_who_switches_client_while_a_queued_import_is_awaited_ends_that_wait_and_shows_no_report_under_the_other()
    {
        var coachId = ApiApp.NewId("coach");
        var coachKey = await App.CreateAccountWithKeyAsync(coachId, AccountKind.Coach);
        var (first, second) = (ApiApp.NewId("a"), ApiApp.NewId("b"));
        foreach (var clientId in new[] { first, second })
        {
            using var client = App.Client(await App.CreateAccountWithKeyAsync(clientId));
            await Campaigns.CampaignsApp.GrantConsentAsync(client, coachId, "read", "write");
        }

        var page = await OpenDashboardAsync(coachKey);
        var polls = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await page.RouteAsync(url => new Uri(url).AbsolutePath == "/api/imports", async route =>
        {
            if (route.Request.Method == "POST")
            {
                await Json(route, Queued, 202);
            }
            else
            {
                await route.ContinueAsync();
            }
        });
        await page.RouteAsync(url => new Uri(url).AbsolutePath == "/api/imports/imp-1", route =>
        {
            polls.Enqueue(new Uri(route.Request.Url).Query);
            return Json(route, Running);
        });
        await page.SelectOptionAsync("#client-select", first);
        await page.WaitForSelectorAsync("main[data-loaded='true']");
        await page.SetInputFilesAsync("#upload-file", Csv("big.csv", "Name,Email\nAda Lovelace,ada@example.org\n"));

        await page.ClickAsync("#upload-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.getElementById('upload-status').textContent.startsWith('Importing')");
        await page.SelectOptionAsync("#client-select", second);
        var pollsAtSwitch = polls.Count;
        await Task.Delay(2_500); // more than two poll intervals

        Assert.All(polls, query => Assert.Equal($"?owner={first}", query)); // the wait kept the client it began for
        Assert.InRange(polls.Count, pollsAtSwitch, pollsAtSwitch + 1); // at most the poll already under way
        Assert.Equal(string.Empty, await page.Locator("#upload-status").TextContentAsync());
        Assert.Equal(0, await page.Locator("#upload-report *").CountAsync());
    }

    /// <summary>The dashboard signed in as a new owner: the page, their key and their id.</summary>
    private async Task<(IPage Page, string Key, string OwnerId)> OpenAsync(string prefix)
    {
        var ownerId = ApiApp.NewId(prefix);
        var key = await App.CreateAccountWithKeyAsync(ownerId);
        return (await OpenDashboardAsync(key), key, ownerId);
    }

    /// <summary>The page with a file chosen, whose upload is answered 202 and whose polls <paramref name="poll"/> answers (numbered from 1).</summary>
    private async Task<IPage> QueuedAsync(Func<int, IRoute, Task> poll)
    {
        var (page, _, _) = await OpenAsync("queued");
        await page.RouteAsync("**/api/imports", async route =>
        {
            if (route.Request.Method == "POST")
            {
                await Json(route, Queued, 202);
            }
            else
            {
                await route.ContinueAsync();
            }
        });
        var polls = 0;
        await page.RouteAsync("**/api/imports/imp-1", route => poll(Interlocked.Increment(ref polls), route));
        await page.SetInputFilesAsync("#upload-file", Csv("big.csv", "Name,Email\nAda Lovelace,ada@example.org\n"));
        return page;
    }

    private static Task Json(IRoute route, string body, int status = 200) =>
        route.FulfillAsync(new() { Status = status, ContentType = "application/json", Body = body });

    private static FilePayload Csv(string name, string text) => new() { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text) };

    private static async Task<(int Viewport, int Page)> WidthsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.clientWidth, document.documentElement.scrollWidth]");
        return (widths[0], widths[1]);
    }
}
