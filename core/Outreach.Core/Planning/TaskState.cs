namespace Outreach.Core.Planning;

/// <summary>Where a task is in its life; allowed moves are in <see cref="TaskStateMachine"/>. Wire names via <see cref="TaskStates"/>.</summary>
public enum TaskState
{
    /// <summary><c>planned</c>: created by the planner, waiting for its due time.</summary>
    Planned,

    /// <summary><c>queued</c>: picked by the dispatcher and put on the send queue.</summary>
    Queued,

    /// <summary><c>claimed</c>: a sender took it with an ETag-conditional update and is about to call SMTP.</summary>
    Claimed,

    /// <summary><c>sent</c>: SMTP accepted it.</summary>
    Sent,

    /// <summary><c>skipped</c>: will not be sent; <see cref="OutreachTask.SkipReason"/> says why.</summary>
    Skipped,

    /// <summary><c>failed</c>: the send failed in a way that is known not to have delivered.</summary>
    Failed,

    /// <summary><c>needs_review</c>: a stale claim was redelivered, or the SMTP server never confirmed a message it was handed; a person decides, because sending twice is worse than late.</summary>
    NeedsReview,

    /// <summary><c>replied</c>: the contact answered this message.</summary>
    Replied,

    /// <summary><c>done</c>: a LinkedIn draft the owner sent by hand and marked done.</summary>
    Done,
}
