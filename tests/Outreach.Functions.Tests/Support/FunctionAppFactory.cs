using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Outreach.Functions.Dispatching;
using Outreach.Functions.Imports;
using Outreach.Functions.Sending;

namespace Outreach.Functions.Tests.Support;

/// <summary>
/// The real handler (Program) over a test app root. <see cref="AsHost"/> sets FUNCTIONS_CUSTOMHANDLER_PORT as a Functions
/// host would (7071 unless the settings give another, e.g. 0 for a free port), so the local runner stays off and tests post envelopes themselves; <see cref="StartWithRunner"/>
/// serves on a real loopback port so the runner calls the handler over HTTP as it does in ./run.sh.
/// </summary>
internal sealed class FunctionAppFactory(string appRoot, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection> services)
    : WebApplicationFactory<Program>
{
    public static FunctionAppFactory AsHost(string appRoot, Action<IServiceCollection> services, params (string Key, string? Value)[] settings) =>
        new(appRoot, new[] { ("FUNCTIONS_CUSTOMHANDLER_PORT", (string?)"7071") }.Concat(settings).GroupBy(s => s.Item1).ToDictionary(g => g.Key, g => g.Last().Item2), services);

    /// <summary>
    /// The exception the app refuses to start with. WebApplicationFactory races the app's own start: when start-up
    /// fails, the app's thread disposes the host while CreateClient may still be resolving a service from it, and then
    /// throws ObjectDisposedException instead of the app's error (seen on a loaded machine). A start that lost that race
    /// is tried again with a new factory.
    /// </summary>
    public static TException StartFailure<TException>(Func<FunctionAppFactory> create)
        where TException : Exception
    {
        for (var attempt = 1; ; attempt++)
        {
            using var factory = create();
            try
            {
                factory.CreateClient();
            }
            catch (ObjectDisposedException) when (attempt < 5)
            {
                continue;
            }
            catch (TException e)
            {
                return e;
            }

            Assert.Fail("The app started although its configuration is invalid.");
        }
    }

    public static FunctionAppFactory WithRunner(string appRoot, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection> services) =>
        new(appRoot, settings, services);

    /// <summary>
    /// The settings of an app with its local runner on <paramref name="storageConnectionString"/> (Azurite): a short
    /// shutdown grace so a test's app stops at once, and <paramref name="more"/> (a later key wins).
    /// </summary>
    public static Dictionary<string, string?> RunnerSettings(string storageConnectionString, params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storageConnectionString,
            ["LocalRunner:ShutdownGracePeriod"] = "00:00:00.500",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Where Kestrel serves the app, once started on a port (<see cref="StartWithRunner"/>, or <c>UseKestrel</c> and <c>StartServer</c>).</summary>
    public Uri ServerAddress =>
        new(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single() + "/");

    /// <summary>Starts Kestrel on a free loopback port; the local runner starts with it.</summary>
    public FunctionAppFactory StartWithRunner()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        return this;
    }

    /// <summary>Creates an account through the app's own <see cref="Core.Accounts.AccountService"/> and returns a new key for it.</summary>
    public async Task<string> CreateAccountWithKeyAsync(
        string accountId, Core.Accounts.AccountKind kind = Core.Accounts.AccountKind.Owner, Core.Accounts.ApiScopes scopes = Core.Accounts.ApiScopes.OwnerDefault)
    {
        var accounts = Services.GetRequiredService<Core.Accounts.AccountService>();
        await accounts.CreateAccountAsync(accountId, kind, $"Test {kind}", "Europe/London", CancellationToken.None);
        return (await accounts.IssueKeyAsync(accountId, scopes, "test", CancellationToken.None)).PlainText;
    }

    /// <summary>A client that sends <paramref name="key"/> as a Bearer key (none when null).</summary>
    public HttpClient ClientWithKey(string? key)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>A signing key for apps whose test does not configure <c>Tokens</c> itself (the app does not start without one).</summary>
    private static readonly string DefaultSigningKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("FunctionApp:AppRootPath", appRoot);
        if (!settings.ContainsKey("Tokens:CurrentKeyId"))
        {
            builder.UseSetting("Tokens:CurrentKeyId", "tests");
            builder.UseSetting("Tokens:Keys:tests", DefaultSigningKey);
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        // Every app a test starts logs into one sink, so the no-secrets check sees everything the test run logged, at the
        // levels the app's own appsettings.json lets through (Microsoft.AspNetCore at Warning keeps request paths out).
        builder.ConfigureLogging(logging => logging.AddProvider(CapturedLog.Provider));
        builder.ConfigureTestServices(services);
        if (!File.Exists(Path.Combine(appRoot, DispatchDueFunction.FunctionName, "function.json")))
        {
            // Tests of other features use app roots without the dispatcher: unregister it, or the startup check fails.
            builder.ConfigureTestServices(s => s.RemoveTimerFunction<DispatchDueFunction>());
        }

        if (!File.Exists(Path.Combine(appRoot, "SendOutreach", "function.json")))
        {
            // Tests of other features use app roots without the send function: unregister it, or the startup check fails.
            builder.ConfigureTestServices(s => s.RemoveQueueFunction<SendOutreachFunction>());
        }

        if (!File.Exists(Path.Combine(appRoot, ImportContactsFunction.FunctionName, "function.json")))
        {
            // Likewise for the import queue function (the import tests opt in with TestAppRoot.CreateWithImports).
            builder.ConfigureTestServices(s => s.RemoveQueueFunction<ImportContactsFunction>());
        }
    }
}
