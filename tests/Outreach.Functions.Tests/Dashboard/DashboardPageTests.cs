using System.Net;
using System.Text.RegularExpressions;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Dashboard;

public sealed partial class DashboardPageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private static readonly string AssetsFolder = Path.Combine(RepositoryRoot.Path, "functions", "Outreach.Functions", "Dashboard", "Assets");
    private readonly ApiApp _app = ApiApp.Start(azurite);

    [Fact]
    public async Task Page_is_served_without_a_key_under_the_strict_content_security_policy()
    {
        using var client = _app.Client(null);

        using var response = await client.GetAsync(new Uri("/api/dashboard", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(AssetsFolder, "index.html")), html);
    }

    [Fact]
    public async Task Every_asset_file_is_served_from_the_handler_with_its_content_type()
    {
        using var client = _app.Client(null);
        var expected = new Dictionary<string, string> { [".js"] = "text/javascript", [".css"] = "text/css", [".html"] = "text/html" };

        foreach (var file in Directory.EnumerateFiles(AssetsFolder))
        {
            using var response = await client.GetAsync(new Uri($"/api/dashboard/assets/{Path.GetFileName(file)}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(expected[Path.GetExtension(file)], response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(await File.ReadAllBytesAsync(file), await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Theory]
    [InlineData("/api/dashboard/assets/missing.js")]
    [InlineData("/api/dashboard/assets/..%2Fappsettings.json")]
    [InlineData("/api/dashboard/assets/Dashboard.Assets.app.js")]
    public async Task Only_the_embedded_assets_are_served(string path)
    {
        using var client = _app.Client(null);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_address_with_a_trailing_slash_redirects_to_the_page_whose_relative_assets_then_resolve()
    {
        using var client = _app.Factory.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/api/dashboard/?owner=client-1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/api/dashboard?owner=client-1", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Short_address_redirects_to_the_page()
    {
        using var client = _app.Factory.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/dashboard", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/api/dashboard", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public void Assets_have_no_inline_script_or_style_and_load_nothing_from_other_sites()
    {
        foreach (var file in Directory.EnumerateFiles(AssetsFolder))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotMatch(InlineScript(), text);
            Assert.DoesNotMatch(InlineStyle(), text);
            Assert.DoesNotMatch(RemoteUrl(), text);
            Assert.DoesNotContain("innerHTML", text, StringComparison.Ordinal);
            Assert.DoesNotContain("console.error", text, StringComparison.Ordinal);
        }
    }

    public void Dispose() => _app.Dispose();

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<style|\sstyle=|\son[a-z]+=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyle();

    // The SVG namespace is an identifier, not a download.
    [GeneratedRegex(@"(https?:)?//(?!www\.w3\.org/2000/svg)[a-z0-9.-]+\.[a-z]{2,}/", RegexOptions.IgnoreCase)]
    private static partial Regex RemoteUrl();
}
