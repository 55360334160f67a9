namespace Outreach.Core.Planning;

/// <summary>
/// Where the dispatcher's due scan resumes (table <c>DispatchCursor</c>, one row): the last <see cref="DueWork.NextCursor"/>,
/// stored only after every owner of that run has been handled.
/// </summary>
public interface IDispatchCursorStore
{
    /// <summary>The stored cursor, or null before the first completed run.</summary>
    Task<DateTimeOffset?> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Stores the cursor (replacing the previous one).</summary>
    Task WriteAsync(DateTimeOffset cursor, CancellationToken cancellationToken);
}
