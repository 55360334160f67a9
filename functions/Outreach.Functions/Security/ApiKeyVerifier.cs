using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Outreach.Core.Accounts;

namespace Outreach.Functions.Security;

/// <summary>
/// Turns a presented <c>otr_...</c> key into the caller. The key record and account are cached per key id for
/// <see cref="AccountsOptions.KeyCacheDuration"/> so a busy dashboard does not read two tables per request; the secret
/// is checked against the hash on every request, so a wrong secret never rides on a cached entry. <see cref="Forget"/>
/// bumps the key's generation, and a read that saw another generation start under it does not stay cached: a request
/// that read the record just before a revocation cannot put the active record back after it.
/// </summary>
internal sealed class ApiKeyVerifier(IApiKeyStore keys, IAccountStore accounts, TimeProvider time, IOptions<AccountsOptions> options)
{
    private readonly ConcurrentDictionary<string, CachedKey> _cache = new(StringComparer.Ordinal);

    // Only forgotten (revoked) keys get an entry, so this grows with revocations, not with requests.
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);

    public async Task<Principal?> VerifyAsync(string presented, CancellationToken cancellationToken)
    {
        if (!ApiKeys.TryParse(presented, out var keyId, out _))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (!_cache.TryGetValue(keyId, out var cached) || cached.ExpiresAt <= now)
        {
            var generation = _generations.GetValueOrDefault(keyId);
            var record = await keys.GetAsync(keyId, cancellationToken).ConfigureAwait(false);
            var account = record is null ? null : await accounts.GetAsync(record.AccountId, cancellationToken).ConfigureAwait(false);
            cached = new CachedKey(record, account, now + options.Value.KeyCacheDuration);
            // Only issued keys are cached: caching misses would let random key ids grow the cache without bound.
            if (record is not null && options.Value.KeyCacheDuration > TimeSpan.Zero && _generations.GetValueOrDefault(keyId) == generation)
            {
                _cache[keyId] = cached;

                // Forget may have run between the check and the write: checked again after it, whichever came
                // second sees the other, so the stale entry never outlives the revocation.
                if (_generations.GetValueOrDefault(keyId) != generation)
                {
                    _cache.TryRemove(new KeyValuePair<string, CachedKey>(keyId, cached));
                }
            }
        }

        return cached.Account is { } owner && ApiKeys.Verify(presented, cached.Record)
            ? new Principal(owner.AccountId, owner.Kind, cached.Record!.Scopes)
            : null;
    }

    /// <summary>Forgets a key at once, so a revocation takes effect immediately on this instance.</summary>
    public void Forget(string keyId)
    {
        // The generation first: a read in flight then sees it changed and does not cache what it read before.
        _generations.AddOrUpdate(keyId, 1, (_, generation) => generation + 1);
        _cache.TryRemove(keyId, out _);
    }

    private sealed record CachedKey(ApiKeyRecord? Record, Account? Account, DateTimeOffset ExpiresAt);
}
