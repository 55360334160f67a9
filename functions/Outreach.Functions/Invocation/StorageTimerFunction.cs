using Outreach.Storage;

namespace Outreach.Functions.Invocation;

/// <summary>
/// A timer function whose run is storage work: a storage failure ends the occurrence as failed, logged with what the
/// next occurrence does about it (<see cref="AfterStorageFailure"/>), and never escapes to the host.
/// </summary>
/// <remarks>
/// Derived functions resolve their services per run from the provider rather than by injection: the function registry
/// builds every function at start-up to read its name, and that must not need storage, which may not be configured yet.
/// </remarks>
internal abstract partial class StorageTimerFunction(ILogger logger) : ITimerFunction
{
    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <summary>The function's logger.</summary>
    protected ILogger Logger { get; } = logger;

    /// <inheritdoc/>
    public string TriggerBinding => "timer";

    /// <summary>What happens after a storage failure, for the log (e.g. "the next run reads the same buckets again").</summary>
    protected abstract string AfterStorageFailure { get; }

    /// <inheritdoc/>
    public async Task<FunctionOutcome> HandleAsync(TimerTrigger trigger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        try
        {
            return await RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (StorageRequestException e)
        {
            LogStorageFailed(Logger, Name, AfterStorageFailure, e);
            return FunctionOutcome.Failed($"Storage failed during {Name}: {e.Message}");
        }
    }

    /// <summary>Runs one occurrence.</summary>
    protected abstract Task<FunctionOutcome> RunAsync(CancellationToken cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function} failed on storage; {AfterFailure}")]
    private static partial void LogStorageFailed(ILogger logger, string function, string afterFailure, Exception exception);
}
