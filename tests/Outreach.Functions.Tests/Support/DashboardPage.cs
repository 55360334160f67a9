using Microsoft.Playwright;

namespace Outreach.Functions.Tests.Support;

/// <summary>Opens the dashboard in a new page and signs in the way a user does, keyboard only.</summary>
internal static class DashboardPage
{
    /// <summary>
    /// Opens <c>api/dashboard</c> under <paramref name="site"/>, types <paramref name="key"/> and presses Enter, and waits
    /// until every section has loaded. Console errors and uncaught exceptions of the page are added to <paramref name="errors"/>.
    /// </summary>
    public static async Task<IPage> OpenWithKeyAsync(IBrowser browser, Uri site, string key, List<string> errors)
    {
        var page = await browser.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{message.Text} at {message.Location}");
            }
        };
        page.PageError += (_, error) => errors.Add("uncaught: " + error);
        await page.GotoAsync(new Uri(site, "api/dashboard").ToString());
        await page.FocusAsync("#api-key");
        await page.Keyboard.TypeAsync(key);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("main[data-loaded='true']");
        return page;
    }
}
