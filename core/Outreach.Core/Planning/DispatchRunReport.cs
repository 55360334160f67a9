namespace Outreach.Core.Planning;

/// <summary>What one dispatcher run did (counts only: nothing in it identifies a recipient).</summary>
public sealed record DispatchRunReport
{
    /// <summary>Owners with due entries.</summary>
    public int Owners { get; init; }

    /// <summary>Tasks moved to queued and put on the send queue.</summary>
    public int Enqueued { get; init; }

    /// <summary>Tasks given a later due time (cap, window, spacing) and re-indexed.</summary>
    public int Deferred { get; init; }

    /// <summary>Tasks skipped because their contact is suppressed now.</summary>
    public int Skipped { get; init; }

    /// <summary>LinkedIn drafts now due for the owner to send by hand.</summary>
    public int ManualDrafts { get; init; }

    /// <summary>Index entries dropped because their task is gone or no longer pending.</summary>
    public int StaleEntries { get; init; }

    /// <summary>Tasks someone else changed between this run's read and write; re-indexed for the next run.</summary>
    public int LostRaces { get; init; }

    /// <summary>Owners whose tasks waited because they have no usable sender profile.</summary>
    public IReadOnlyList<string> OwnersWithoutSchedule { get; init; } = [];

    /// <summary>The cursor stored after the run.</summary>
    public DateTimeOffset Cursor { get; init; }
}
