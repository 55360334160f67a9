namespace Outreach.Storage.Stores;

/// <summary>
/// Read-modify-write loops on ETags: run an attempt, and when it loses a race (412, or 409 on an insert-if-absent)
/// run it again with a fresh read, a bounded number of times.
/// </summary>
internal static class ConditionalWrites
{
    /// <summary>How many attempts a contended write gets before the conflict is reported.</summary>
    public const int MaxAttempts = 16;

    /// <exception cref="StorageConcurrencyException">Every attempt lost its race.</exception>
    public static async Task<T> RetryOnConflictAsync<T>(Func<CancellationToken, Task<T>> attempt, string operation, CancellationToken cancellationToken)
    {
        for (var tries = 1; ; tries++)
        {
            try
            {
                return await attempt(cancellationToken).ConfigureAwait(false);
            }
            catch (StorageConcurrencyException) when (tries < MaxAttempts)
            {
                // Lost the race: loop, and the next attempt re-reads the winner's version.
            }
            catch (StorageConcurrencyException e)
            {
                throw new StorageConcurrencyException($"{operation} lost its race {MaxAttempts} times in a row; giving up.", e);
            }
        }
    }
}
