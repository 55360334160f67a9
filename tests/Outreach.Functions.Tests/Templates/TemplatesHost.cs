using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Core.Accounts;
using Outreach.Core.Contacts;
using Outreach.Core.Planning;
using Outreach.Functions.Tests.Sending;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;
using Outreach.Testing.Time;

namespace Outreach.Functions.Tests.Templates;

/// <summary>
/// The real handler on Azurite, run as under a Functions host (no local runner) on a fake clock: an owner seeded by
/// <see cref="SendScenario"/> (sender profile "Sam Student", contacts, queued thank-you tasks) with an API key, and a
/// second owner with a contact of their own, for the cross-owner checks.
/// </summary>
internal sealed class TemplatesHost : IAsyncDisposable
{
    public const string OtherContactId = "c-other";

    private readonly TestAppRoot _root;

    private TemplatesHost(TestAppRoot root, SendScenario scenario, FunctionAppFactory factory)
    {
        _root = root;
        Scenario = scenario;
        Factory = factory;
    }

    public SendScenario Scenario { get; }

    public FunctionAppFactory Factory { get; }

    public ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 11, 9, 0, 0, TimeSpan.Zero));

    public string OwnerId => Scenario.OwnerId;

    public string OtherOwnerId { get; } = ApiApp.NewId("other");

    public HttpClient Owner { get; private set; } = null!;

    public HttpClient Other { get; private set; } = null!;

    public IReadOnlyList<OutreachTask> Tasks { get; private set; } = [];

    /// <summary>Seeds both owners and starts the app; <paramref name="smtpPort"/> is where SendOutreach delivers.</summary>
    public static async Task<TemplatesHost> StartAsync(
        AzuriteFixture azurite, int smtpPort, IReadOnlyList<Contact> contacts, params (string Key, string? Value)[] settings)
    {
        var root = TestAppRoot.CreateWithSending(maxDequeueCount: 3);
        var scenario = new SendScenario(azurite, root);
        ManualTimeProvider? clock = null;
        var host = new TemplatesHost(root, scenario, scenario.StartHost(smtpPort, services => services.AddSingleton<TimeProvider>(clock!), settings));
        clock = host.Clock;
        host.Tasks = await scenario.SeedAsync([.. contacts.Select(c => c with { OwnerId = scenario.OwnerId })]);
        await scenario.Stores.Contacts.WriteAsync(
            host.OtherOwnerId, [SendScenario.Contact(host.OtherOwnerId, OtherContactId, "Olga", "Other", "olga@example.org")], CancellationToken.None);
        host.Owner = await host.ClientForAsync(host.OwnerId);
        host.Other = await host.ClientForAsync(host.OtherOwnerId);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        Owner.Dispose();
        Other.Dispose();
        await Factory.DisposeAsync();
        _root.Dispose();
    }

    /// <summary>A client with a second key of the owner's own that may only read.</summary>
    public async Task<HttpClient> ReadOnlyKeyAsync()
    {
        var key = await Factory.Services.GetRequiredService<AccountService>().IssueKeyAsync(OwnerId, ApiScopes.Read, "reports", CancellationToken.None);
        return ClientWith(key.PlainText);
    }

    /// <summary>A coach's client, to whom the owner granted <paramref name="scopes"/> (API names, e.g. <c>read</c>); it names the owner with <c>?owner=</c>.</summary>
    public async Task<HttpClient> CoachAsync(params string[] scopes)
    {
        var coachId = ApiApp.NewId("coach");
        var coach = await ClientForAsync(coachId, AccountKind.Coach);
        using var grant = await Owner.PostAsJsonAsync("/api/consents", new { coachId, scopes });
        grant.EnsureSuccessStatusCode();
        return coach;
    }

    private async Task<HttpClient> ClientForAsync(string ownerId, AccountKind kind = AccountKind.Owner)
    {
        var accounts = Factory.Services.GetRequiredService<AccountService>();
        await accounts.CreateAccountAsync(ownerId, kind, "Test owner", "Europe/London", CancellationToken.None);
        var key = await accounts.IssueKeyAsync(ownerId, ApiScopes.OwnerDefault, "test", CancellationToken.None);
        return ClientWith(key.PlainText);
    }

    private HttpClient ClientWith(string key)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
