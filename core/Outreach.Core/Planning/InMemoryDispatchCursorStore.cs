namespace Outreach.Core.Planning;

/// <summary>The dispatch cursor held in memory: for tests and single-process runs. Thread-safe.</summary>
public sealed class InMemoryDispatchCursorStore : IDispatchCursorStore
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _cursor;

    /// <inheritdoc />
    public Task<DateTimeOffset?> ReadAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_cursor);
        }
    }

    /// <inheritdoc />
    public Task WriteAsync(DateTimeOffset cursor, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _cursor = cursor;
        }

        return Task.CompletedTask;
    }
}
