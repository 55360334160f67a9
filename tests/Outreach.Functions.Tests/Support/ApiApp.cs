using Microsoft.Extensions.DependencyInjection;
using Outreach.Core.Accounts;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Support;

/// <summary>
/// The real handler on Azurite for API tests: accounts and keys are created through the real
/// <see cref="AccountService"/> (the app's own table stores), and clients carry a key as <c>Authorization: Bearer</c>.
/// Ids get a random suffix, so tests sharing one Azurite never see each other's accounts.
/// </summary>
internal sealed class ApiApp : IDisposable
{
    private readonly TestAppRoot _root;

    private ApiApp(TestAppRoot root, FunctionAppFactory factory)
    {
        _root = root;
        Factory = factory;
    }

    public FunctionAppFactory Factory { get; }

    public AccountService Accounts => Factory.Services.GetRequiredService<AccountService>();

    public static ApiApp Start(AzuriteFixture azurite, params (string Key, string? Value)[] settings) =>
        Start(azurite, _ => { }, settings);

    public static ApiApp Start(AzuriteFixture azurite, Action<IServiceCollection> services, params (string Key, string? Value)[] settings) =>
        Start(azurite, TestAppRoot.Create(), services, settings);

    /// <summary>Starts the app on <paramref name="root"/> (e.g. <see cref="TestAppRoot.CreateWithSending"/> to include the queue functions); the app disposes it.</summary>
    public static ApiApp Start(AzuriteFixture azurite, TestAppRoot root, Action<IServiceCollection> services, params (string Key, string? Value)[] settings)
    {
        var factory = FunctionAppFactory.AsHost(root.Path, services, [("AzureWebJobsStorage", azurite.ConnectionString), .. settings]);
        return new ApiApp(root, factory);
    }

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    /// <summary>Creates an account and returns a new key for it.</summary>
    public Task<string> CreateAccountWithKeyAsync(string accountId, AccountKind kind = AccountKind.Owner, ApiScopes scopes = ApiScopes.OwnerDefault) =>
        Factory.CreateAccountWithKeyAsync(accountId, kind, scopes);

    /// <summary>A client that sends <paramref name="key"/> as a Bearer key (none when null).</summary>
    public HttpClient Client(string? key) => Factory.ClientWithKey(key);

    /// <summary>
    /// The app served by Kestrel on a free loopback port, for clients outside the process such as a browser. The port
    /// setting a Functions host would pass is 0, so the handler binds a free port and its local runner stays off. Its
    /// token-signing key is the one every test app gets (<see cref="FunctionAppFactory"/>).
    /// </summary>
    public static (ApiApp App, Uri Address) StartOnLoopback(AzuriteFixture azurite, params (string Key, string? Value)[] settings)
    {
        var app = Start(azurite, [("FUNCTIONS_CUSTOMHANDLER_PORT", "0"), .. settings]);
        app.Factory.UseKestrel();
        app.Factory.StartServer();
        return (app, app.Factory.ServerAddress);
    }

    public void Dispose()
    {
        Factory.Dispose();
        _root.Dispose();
    }
}
