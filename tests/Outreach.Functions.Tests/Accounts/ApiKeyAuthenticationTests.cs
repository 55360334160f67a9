using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Outreach.Core.Accounts;
using Outreach.Functions.Tests.Support;
using Outreach.Storage;
using Outreach.Storage.Stores.Accounts;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Accounts;

public sealed class ApiKeyAuthenticationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly ApiApp _app = ApiApp.Start(azurite);

    [Fact]
    public async Task Issued_key_is_stored_as_its_hash_only_and_shown_once()
    {
        var owner = ApiApp.NewId("owner");
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(owner));

        using var response = await client.PostAsJsonAsync("/api/keys", new { name = "laptop", scopes = new[] { "read" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var plain = body.RootElement.GetProperty("key").GetString()!;
        Assert.True(ApiKeys.TryParse(plain, out var keyId, out var secret));
        Assert.Equal(keyId, body.RootElement.GetProperty("details").GetProperty("keyId").GetString());
        Assert.Equal(["read"], body.RootElement.GetProperty("details").GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        var entity = await StorageAccount.FromConnectionString(azurite.ConnectionString).GetTable(AccountTables.ApiKeys).GetAsync(keyId, AccountTables.KeyRow);
        Assert.NotNull(entity);
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), entity.GetBinary("SecretHash"));
        Assert.Equal(owner, entity.GetString("AccountId"));
        Assert.DoesNotContain(entity, p => p.Value.ToString()!.Contains(secret, StringComparison.Ordinal));
        Assert.DoesNotContain(entity, p => p.Value is byte[] bytes && Encoding.UTF8.GetString(bytes).Contains(secret, StringComparison.Ordinal));

        using var list = await client.GetAsync(new Uri("/api/keys", UriKind.Relative));
        var listed = await list.Content.ReadAsStringAsync();
        Assert.Contains(keyId, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", listed, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Key_works_until_revoked_then_answers_401()
    {
        var owner = ApiApp.NewId("owner");
        var key = await _app.CreateAccountWithKeyAsync(owner);
        Assert.True(ApiKeys.TryParse(key, out var keyId, out _));
        using var client = _app.Client(key);
        using var before = await client.GetAsync(new Uri("/api/account", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(owner, (await before.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());

        using var revoke = await client.DeleteAsync(new Uri($"/api/keys/{keyId}", UriKind.Relative));
        using var after = await client.GetAsync(new Uri("/api/account", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("error=\"invalid_token\"", after.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bearer otr_not-a-key")]
    [InlineData("Bearer otr_AAAAAAAAAAAA_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Malformed_or_unknown_key_is_401_with_invalid_token_challenge(string authorization)
    {
        using var client = _app.Client(null);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);

        using var response = await client.GetAsync(new Uri("/api/account", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer realm=\"outreach\", error=\"invalid_token\", error_description=\"The API key is unknown, malformed or revoked.\"",
            response.Headers.WwwAuthenticate.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Right_key_id_with_a_wrong_secret_is_401()
    {
        var key = await _app.CreateAccountWithKeyAsync(ApiApp.NewId("owner"));
        var forged = key[..^4] + (key.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        using var client = _app.Client(forged);

        using var response = await client.GetAsync(new Uri("/api/account", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task No_key_is_401_with_a_plain_bearer_challenge()
    {
        using var client = _app.Client(null);

        using var response = await client.GetAsync(new Uri("/api/keys", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer realm=\"outreach\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Read_only_key_cannot_write_and_cannot_mint_a_stronger_key()
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("owner"), scopes: ApiScopes.Read));

        using var issue = await client.PostAsJsonAsync("/api/keys", new { name = "more" });
        using var read = await client.GetAsync(new Uri("/api/keys", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, issue.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task Only_admins_create_accounts()
    {
        var newOwner = ApiApp.NewId("new");
        using var owner = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("owner")));
        using var admin = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("admin"), AccountKind.Admin, ApiScopes.Admin | ApiScopes.OwnerDefault));

        using var refused = await owner.PostAsJsonAsync("/api/accounts", new { id = newOwner, kind = "owner", name = "New Student" });
        using var created = await admin.PostAsJsonAsync("/api/accounts", new { id = newOwner, kind = "owner", name = "New Student", timeZone = "Europe/Paris" });
        using var again = await admin.PostAsJsonAsync("/api/accounts", new { id = newOwner, kind = "owner", name = "New Student" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var account = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Europe/Paris", account.GetProperty("timeZone").GetString());
        Assert.Equal("owner", account.GetProperty("kind").GetString());
    }

    public void Dispose() => _app.Dispose();
}
