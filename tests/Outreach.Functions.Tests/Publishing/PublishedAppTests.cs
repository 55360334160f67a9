using System.Diagnostics;
using System.Net;
using System.Reflection;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Publishing;

/// <summary>
/// Publishes the handler (framework-dependent, from the build the tests already made, to stay fast; ./publish.sh makes
/// the self-contained linux-x64 one) and checks the folder is what the Functions host runs, then runs it as the host would.
/// The handler and its executable bit are Linux things, as is the Flex Consumption plan it targets.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PublishedAppTests : IDisposable
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(3);
    private readonly string _output = Directory.CreateTempSubdirectory("outreach-publish-").FullName;

    [Fact]
    public async Task Published_folder_has_host_json_every_function_and_an_executable_handler_that_serves_as_under_the_host()
    {
        await PublishAsync();

        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "host.json")), File.ReadAllText(Path.Combine(_output, "host.json")));
        var expected = Directory.GetDirectories(Path.Combine(RepositoryRoot.Path, "functions"))
            .Where(d => File.Exists(Path.Combine(d, "function.json"))).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var published = Directory.GetDirectories(_output)
            .Where(d => File.Exists(Path.Combine(d, "function.json"))).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("Health", expected);
        Assert.Equal(expected, published);
        Assert.True(File.GetUnixFileMode(Path.Combine(_output, "handler")).HasFlag(UnixFileMode.UserExecute), "handler must be executable");

        await ServeLikeTheHostAsync();
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);

    private async Task PublishAsync()
    {
        var configuration = typeof(PublishedAppTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        foreach (var argument in new[] { "publish", "functions/Outreach.Functions", "-c", configuration, "--no-build", "-o", _output, "-nologo", "-v", "quiet" })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var publish = Process.Start(info)!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(PublishTimeout);
        try
        {
            await publish.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!publish.HasExited)
            {
                publish.Kill(entireProcessTree: true);
            }
        }

        Assert.True(publish.ExitCode == 0, $"dotnet publish failed:\n{await output}\n{await errors}");
    }

    /// <summary>The dashboard's page and assets are embedded in the handler, so the published app serves them with no wwwroot.</summary>
    private static async Task AssertDashboardShipsAsync(HttpClient http, CancellationToken cancellationToken)
    {
        foreach (var path in new[] { "api/dashboard", "api/dashboard/assets/app.js", "api/dashboard/assets/charts.js", "api/dashboard/assets/dashboard.css" })
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    /// <summary>Starts the published handler the way the host does (port and app root in the environment) and asks for /api/health.</summary>
    private async Task ServeLikeTheHostAsync()
    {
        var port = NodeProcess.FreeLoopbackPort();
        var info = new ProcessStartInfo(Path.Combine(_output, "handler"))
        {
            WorkingDirectory = _output,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["FUNCTIONS_APP_ROOT_PATH"] = _output;
        info.Environment.Remove("AzureWebJobsStorage");

        // App settings reach the handler as environment variables; the token ring is one the app does not start without.
        info.Environment["Tokens__CurrentKeyId"] = "k1";
        info.Environment["Tokens__Keys__k1"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        using var handler = Process.Start(info)!;
        var output = handler.StandardOutput.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (true)
            {
                try
                {
                    using var health = await http.GetAsync(new Uri("api/health", UriKind.Relative), deadline.Token);
                    Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
                    Assert.Contains("\"storage\":\"not-configured\"", await health.Content.ReadAsStringAsync(deadline.Token), StringComparison.Ordinal);
                    await AssertDashboardShipsAsync(http, deadline.Token);
                    return;
                }
                catch (HttpRequestException) when (!handler.HasExited)
                {
                    await Task.Delay(50, deadline.Token);
                }
                catch (HttpRequestException)
                {
                    Assert.Fail($"The published handler exited with {handler.ExitCode}:\n{await output}");
                }
            }
        }
        finally
        {
            handler.Kill(entireProcessTree: true);
            await handler.WaitForExitAsync();
        }
    }
}
