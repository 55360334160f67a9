extern alias handler;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Outreach.Testing.LocalServices;

namespace Outreach.Benchmarks.Metrics;

/// <summary>
/// The real handler (its Program) in process over a throw-away app root holding every shipped function.json, as a
/// Functions host would run it (the port setting keeps the local trigger runner off), on the given storage.
/// Requests go through the whole pipeline: authentication, rate limits, routing, the endpoint and Azurite.
/// </summary>
internal sealed class InProcessApp : WebApplicationFactory<handler::Program>
{
    private readonly string _root;
    private readonly string _storage;

    private InProcessApp(string root, string storage)
    {
        _root = root;
        _storage = storage;
    }

    public static InProcessApp Start(string storageConnectionString)
    {
        var root = Directory.CreateTempSubdirectory("outreach-bench-app-").FullName;
        File.Copy(Path.Combine(RepositoryRoot.Path, "host.json"), Path.Combine(root, "host.json"));
        foreach (var functionJson in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "functions"), "function.json", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(Path.GetDirectoryName(functionJson)!);
            File.Copy(functionJson, Path.Combine(Directory.CreateDirectory(Path.Combine(root, name)).FullName, "function.json"));
        }

        // WebApplicationFactory finds the app's content root from a manifest it reads relative to the working directory,
        // which `dotnet run` leaves at the repository root; name it directly instead.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_HANDLER", Path.Combine(RepositoryRoot.Path, "functions", "Outreach.Functions"));
        return new InProcessApp(root, storageConnectionString);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("FunctionApp:AppRootPath", _root);
        builder.UseSetting("AzureWebJobsStorage", _storage);
        builder.UseSetting("FUNCTIONS_CUSTOMHANDLER_PORT", "7071");
        builder.UseSetting("Tokens:CurrentKeyId", "bench");
        builder.UseSetting("Tokens:Keys:bench", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        // The benchmark fires hundreds of reads per key a minute; the per-key limit would measure 429s instead.
        builder.UseSetting("Limits:RequestsPerMinute", "100000");
        // Standard output carries the JSON lines only.
        builder.ConfigureLogging(logging => logging.ClearProviders());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        // WebApplicationFactory disposes through both Dispose and DisposeAsync.
        if (disposing && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
