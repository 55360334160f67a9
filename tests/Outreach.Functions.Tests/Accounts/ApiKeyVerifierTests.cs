using Microsoft.Extensions.Options;
using Outreach.Core.Accounts;
using Outreach.Functions.Security;
using Outreach.Testing.Time;

namespace Outreach.Functions.Tests.Accounts;

/// <summary>
/// A key revoked on another instance (here: straight in the store, past this verifier) keeps working only until the
/// cached record expires: <see cref="AccountsOptions.KeyCacheDuration"/>, 30 s by default.
/// </summary>
public sealed class ApiKeyVerifierTests
{
    private readonly ManualTimeProvider _clock = new();
    private readonly InMemoryApiKeyStore _keys = new();
    private readonly InMemoryAccountStore _accountStore = new();
    private readonly AccountService _accounts;
    private readonly ApiKeyVerifier _verifier;

    public ApiKeyVerifierTests()
    {
        _accounts = new AccountService(_accountStore, _keys, new InMemoryConsentStore(), _clock);
        _verifier = new ApiKeyVerifier(_keys, _accountStore, _clock, Options.Create(new AccountsOptions()));
    }

    [Fact]
    public async Task Key_revoked_elsewhere_stops_working_once_the_cache_duration_has_passed()
    {
        await _accounts.CreateAccountAsync("ada", AccountKind.Owner, "Ada", "UTC", CancellationToken.None);
        var issued = await _accounts.IssueKeyAsync("ada", ApiScopes.Read, "laptop", CancellationToken.None);
        Assert.Equal(new Principal("ada", AccountKind.Owner, ApiScopes.Read), await _verifier.VerifyAsync(issued.PlainText, CancellationToken.None));

        await _accounts.RevokeKeyAsync("ada", issued.Key.KeyId, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(29));
        var stillCached = await _verifier.VerifyAsync(issued.PlainText, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var expired = await _verifier.VerifyAsync(issued.PlainText, CancellationToken.None);

        Assert.NotNull(stillCached);
        Assert.Null(expired);
    }

    [Fact]
    public async Task Forgotten_key_is_read_again_at_once()
    {
        await _accounts.CreateAccountAsync("ada", AccountKind.Owner, "Ada", "UTC", CancellationToken.None);
        var issued = await _accounts.IssueKeyAsync("ada", ApiScopes.Read, "laptop", CancellationToken.None);
        Assert.NotNull(await _verifier.VerifyAsync(issued.PlainText, CancellationToken.None));

        await _accounts.RevokeKeyAsync("ada", issued.Key.KeyId, CancellationToken.None);
        _verifier.Forget(issued.Key.KeyId);

        Assert.Null(await _verifier.VerifyAsync(issued.PlainText, CancellationToken.None));
    }

    [Fact]
    public async Task A_wrong_secret_fails_even_while_the_record_is_cached()
    {
        await _accounts.CreateAccountAsync("ada", AccountKind.Owner, "Ada", "UTC", CancellationToken.None);
        var issued = await _accounts.IssueKeyAsync("ada", ApiScopes.Read, "laptop", CancellationToken.None);
        Assert.NotNull(await _verifier.VerifyAsync(issued.PlainText, CancellationToken.None));
        var forged = issued.PlainText[..^1] + (issued.PlainText[^1] == 'A' ? 'B' : 'A');

        Assert.Null(await _verifier.VerifyAsync(forged, CancellationToken.None));
    }

    [Fact]
    public async Task A_failed_lookup_is_not_cached()
    {
        var accounts = new InMemoryAccountStore();
        await new AccountService(accounts, _keys, new InMemoryConsentStore(), _clock).CreateAccountAsync("ada", AccountKind.Owner, "Ada", "UTC", CancellationToken.None);
        var (plainText, record) = ApiKeys.Issue("ada", ApiScopes.Read, "laptop", _clock);
        var keysSeenLate = new InMemoryApiKeyStore();
        var verifier = new ApiKeyVerifier(keysSeenLate, accounts, _clock, Options.Create(new AccountsOptions()));
        Assert.Null(await verifier.VerifyAsync(plainText, CancellationToken.None));

        await keysSeenLate.AddAsync(record, CancellationToken.None);

        Assert.Equal(new Principal("ada", AccountKind.Owner, ApiScopes.Read), await verifier.VerifyAsync(plainText, CancellationToken.None));
    }

    [Fact]
    public async Task A_key_revoked_on_this_instance_stops_at_once_even_with_a_request_in_flight()
    {
        await _accounts.CreateAccountAsync("ada", AccountKind.Owner, "Ada", "UTC", CancellationToken.None);
        var issued = await _accounts.IssueKeyAsync("ada", ApiScopes.Read, "laptop", CancellationToken.None);
        var gated = new GatedKeyStore(_keys);
        var verifier = new ApiKeyVerifier(gated, _accountStore, _clock, Options.Create(new AccountsOptions()));

        // A request with the key reads the still active record...
        var inFlight = verifier.VerifyAsync(issued.PlainText, CancellationToken.None);
        await gated.Read.Task;
        // ...while DELETE /api/keys/{id} on this instance stores the revocation and forgets the key.
        Assert.True(await _accounts.RevokeKeyAsync("ada", issued.Key.KeyId, CancellationToken.None));
        verifier.Forget(issued.Key.KeyId);
        gated.Release.SetResult();
        await inFlight;

        Assert.Null(await verifier.VerifyAsync(issued.PlainText, CancellationToken.None));
    }

    /// <summary>Holds the first read after it has read the record, until the test releases it.</summary>
    private sealed class GatedKeyStore(InMemoryApiKeyStore inner) : IApiKeyStore
    {
        public TaskCompletionSource Read { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<ApiKeyRecord?> GetAsync(string keyId, CancellationToken cancellationToken)
        {
            var record = await inner.GetAsync(keyId, cancellationToken);
            if (!Release.Task.IsCompleted)
            {
                Read.TrySetResult();
                await Release.Task;
            }

            return record;
        }

        public Task AddAsync(ApiKeyRecord record, CancellationToken cancellationToken) => inner.AddAsync(record, cancellationToken);

        public Task UpdateAsync(ApiKeyRecord record, CancellationToken cancellationToken) => inner.UpdateAsync(record, cancellationToken);

        public Task<IReadOnlyList<ApiKeyRecord>> ListAsync(string accountId, CancellationToken cancellationToken) => inner.ListAsync(accountId, cancellationToken);
    }
}
