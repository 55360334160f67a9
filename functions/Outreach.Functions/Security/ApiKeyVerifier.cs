using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Outreach.Core.Accounts;

namespace Outreach.Functions.Security;

/// <summary>
/// Turns a presented <c>otr_...</c> key into the caller. The key record and account are cached per key id for
/// <see cref="AccountsOptions.KeyCacheDuration"/> so a busy dashboard does not read two tables per request; the secret
/// is checked against the hash on every request, so a wrong secret never rides on a cached entry.
/// </summary>
internal sealed class ApiKeyVerifier(IApiKeyStore keys, IAccountStore accounts, TimeProvider time, IOptions<AccountsOptions> options)
{
    private readonly ConcurrentDictionary<string, CachedKey> _cache = new(StringComparer.Ordinal);

    public async Task<Principal?> VerifyAsync(string presented, CancellationToken cancellationToken)
    {
        if (!ApiKeys.TryParse(presented, out var keyId, out _))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (!_cache.TryGetValue(keyId, out var cached) || cached.ExpiresAt <= now)
        {
            var record = await keys.GetAsync(keyId, cancellationToken).ConfigureAwait(false);
            var account = record is null ? null : await accounts.GetAsync(record.AccountId, cancellationToken).ConfigureAwait(false);
            cached = new CachedKey(record, account, now + options.Value.KeyCacheDuration);
            // Only issued keys are cached: caching misses would let random key ids grow the cache without bound.
            if (record is not null && options.Value.KeyCacheDuration > TimeSpan.Zero)
            {
                _cache[keyId] = cached;
            }
        }

        return cached.Account is { } owner && ApiKeys.Verify(presented, cached.Record)
            ? new Principal(owner.AccountId, owner.Kind, cached.Record!.Scopes)
            : null;
    }

    /// <summary>Forgets a key at once, so a revocation takes effect immediately on this instance.</summary>
    public void Forget(string keyId) => _cache.TryRemove(keyId, out _);

    private sealed record CachedKey(ApiKeyRecord? Record, Account? Account, DateTimeOffset ExpiresAt);
}
