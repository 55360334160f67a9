namespace Outreach.Core.Sending;

/// <summary>What one <see cref="StuckSendSweeper"/> run found and did.</summary>
public sealed record StuckSendReport
{
    /// <summary>Watch entries read that were due.</summary>
    public int Checked { get; init; }

    /// <summary>Queued tasks whose lost send request was queued again.</summary>
    public int Requeued { get; init; }

    /// <summary>Queued tasks failed unsent because their send request was lost again after being queued again.</summary>
    public int Failed { get; init; }

    /// <summary>Claimed tasks nobody confirmed, moved to needs_review (they may have been sent: never sent again).</summary>
    public int ToReview { get; init; }

    /// <summary>Tasks still in time (queued or claimed recently), looked at again later.</summary>
    public int NotYet { get; init; }

    /// <summary>Tasks another writer changed between the read and the write; read again by the next run.</summary>
    public int LostRaces { get; init; }

    /// <summary>Where the next run resumes.</summary>
    public DateTimeOffset Cursor { get; init; }
}
