using System.Net;
using Microsoft.Extensions.Configuration;
using Outreach.Core.Accounts;
using Outreach.Functions.Accounts;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Accounts;

public sealed class AccountsCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("outreach-cli-").FullName;

    [Fact]
    public async Task Second_run_reuses_the_account_and_the_kept_key()
    {
        var id = ApiApp.NewId("demo");
        var keyFile = Path.Combine(_folder, "demo-key");

        var (created, _, createdLog) = await RunAsync("create-owner", "--id", id, "--name", "Demo Student");
        var (reused, _, reusedLog) = await RunAsync("create-owner", "--id", id, "--name", "Demo Student");
        var (issued, firstKey, _) = await RunAsync("issue-key", "--id", id, "--reuse-file", keyFile);
        var (again, secondKey, _) = await RunAsync("issue-key", "--id", id, "--reuse-file", keyFile);

        Assert.Equal((0, 0, 0, 0), (created, reused, issued, again));
        Assert.Equal($"created owner account '{id}'", createdLog);
        Assert.Equal($"reusing owner account '{id}'", reusedLog);
        Assert.StartsWith(ApiKeys.Prefix, firstKey, StringComparison.Ordinal);
        Assert.Equal(firstKey, secondKey);
        Assert.Equal(firstKey, (await File.ReadAllTextAsync(keyFile)).Trim());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }

        using var app = ApiApp.Start(azurite);
        using var client = app.Client(firstKey);
        using var response = await client.GetAsync(new Uri("/api/account", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await app.Accounts.ListKeysAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task Kept_key_that_was_revoked_is_replaced()
    {
        var id = ApiApp.NewId("demo");
        var keyFile = Path.Combine(_folder, "revoked-key");
        await RunAsync("create-owner", "--id", id, "--name", "Demo Student");
        var (_, firstKey, _) = await RunAsync("issue-key", "--id", id, "--reuse-file", keyFile);
        using (var app = ApiApp.Start(azurite))
        {
            Assert.True(ApiKeys.TryParse(firstKey, out var keyId, out _));
            Assert.True(await app.Accounts.RevokeKeyAsync(id, keyId, CancellationToken.None));
        }

        var (code, secondKey, _) = await RunAsync("issue-key", "--id", id, "--reuse-file", keyFile);

        Assert.Equal(0, code);
        Assert.NotEqual(firstKey, secondKey);
        Assert.Equal(secondKey, (await File.ReadAllTextAsync(keyFile)).Trim());
    }

    [Fact]
    public async Task Malformed_id_fails_with_the_option_named()
    {
        var (code, _, error) = await RunAsync("create-owner", "--id", "not valid", "--name", "X");

        Assert.Equal(1, code);
        Assert.Equal("id: An account id is 1 to 64 letters, digits, '-' or '_'.", error);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("AzureWebJobsStorage", azurite.ConnectionString)]).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await AccountsCommand.RunAsync([AccountsCommand.Verb, .. args], configuration, output, error, CancellationToken.None);
        return (code, output.ToString().Trim(), error.ToString().Trim());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
