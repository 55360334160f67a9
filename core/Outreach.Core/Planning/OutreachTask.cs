using Outreach.Core.Analytics;
using Outreach.Core.Campaigns;
using Outreach.Core.Messaging.Templates;

namespace Outreach.Core.Planning;

/// <summary>
/// One message to one contact: a campaign step or an introduction message. Stored in the owner's partition under
/// <see cref="TaskId"/>, which is deterministic (<see cref="TaskIds"/>), so planning twice never duplicates a task.
/// Change state only through <see cref="MoveTo"/>.
/// </summary>
public sealed record OutreachTask
{
    /// <summary>Deterministic id (see <see cref="TaskIds"/>).</summary>
    public required string TaskId { get; init; }

    /// <summary>The owner whose mailbox sends it.</summary>
    public required string OwnerId { get; init; }

    /// <summary>The recipient's contact id (for an introduction: the main recipient).</summary>
    public required string ContactId { get; init; }

    /// <summary>The campaign the step belongs to.</summary>
    public required string CampaignId { get; init; }

    /// <summary>The campaign step.</summary>
    public required string StepId { get; init; }

    /// <summary>The introduction this message belongs to, or null for a campaign step.</summary>
    public string? IntroductionId { get; init; }

    /// <summary>Further contacts on the same email (an introduction goes to A and B together); usually empty.</summary>
    public IReadOnlyList<string> AlsoToContactIds { get; init; } = [];

    /// <summary>True when the owner is copied (the introducer on an introduction).</summary>
    public bool CopyOwner { get; init; }

    /// <summary>What the message is for.</summary>
    public required TemplateKind Template { get; init; }

    /// <summary>A specific template, or null for the kind's default.</summary>
    public string? TemplateName { get; init; }

    /// <summary>The recipient's lower-cased email when planned for email, so dispatch can re-check suppression by address.</summary>
    public string? EmailKey { get; init; }

    /// <summary>
    /// The date of the meeting the task's sequence follows up, fixed when the task was planned: the contact's latest
    /// meeting, else their LinkedIn connection date, else the day the contact was imported (<see cref="Contacts.Contact.AddedOn"/>,
    /// where a contact without a meeting date was counted as met), else (a contact stored before that day was recorded)
    /// the sender-local enrolment day. Every send of the task and the reply to it are credited to this
    /// meeting, so the three notes of one sequence count as one meeting followed up. Null on tasks stored before it was
    /// recorded and on introduction messages: those are credited as <see cref="Analytics.Events.MeetingContext.Of(Contacts.Contact, DateOnly)"/> says.
    /// </summary>
    public DateOnly? MeetingOn { get; init; }

    /// <summary>The event of the meeting in <see cref="MeetingOn"/> (the contact's latest event when planned), or null.</summary>
    public string? MeetingEvent { get; init; }

    /// <summary>Email or a LinkedIn draft.</summary>
    public required TaskChannel Channel { get; init; }

    /// <summary>Whether a reply cancels it.</summary>
    public StepCondition Condition { get; init; } = StepCondition.OnlyIfNoReply;

    /// <summary>When it should go out (UTC; computed in the sender's zone and window).</summary>
    public required DateTimeOffset DueUtc { get; init; }

    /// <summary>Where it is in its life.</summary>
    public TaskState State { get; init; } = TaskState.Planned;

    /// <summary>Predicted reply probability, or null until the response model has scored it.</summary>
    public double? Score { get; init; }

    /// <summary>Why the model gave <see cref="Score"/>, in words a student understands (its top contributions), or null.</summary>
    public string? ScoreExplanation { get; init; }

    /// <summary>
    /// The id of the model that gave <see cref="Score"/>, or null when unscored or stored before the id was recorded.
    /// The dispatcher scores a pending task again when this differs from the model deployed now (null counts as
    /// different, so an older row is scored once more) or when <see cref="ScoredForUtc"/> no longer matches the due time.
    /// </summary>
    public string? ScoreModelId { get; init; }

    /// <summary>
    /// The due time <see cref="Score"/> was computed for (the task's <see cref="DueUtc"/> when scored), or null when
    /// unscored or stored before it was recorded. The features that move with the due time (days since met, weekday,
    /// send hour) are read in the sender's local time, so the dispatcher scores a pending task again when its due time
    /// has moved to another local hour or day than this one (a task the daily cap or the window deferred), not when it
    /// moved by minutes within the hour; null counts as moved, so an older row is scored once more.
    /// </summary>
    public DateTimeOffset? ScoredForUtc { get; init; }

    /// <summary>
    /// Words, questions and personal-note length of the task's message, measured on its rendered text
    /// (<see cref="Messaging.Templates.MessageStats.Measure"/>): by the sender on the email it sends, and, while the task
    /// is pending, on its draft when the task is scored (dropped, to be measured again, when its template, contact or sender details are edited:
    /// <see cref="StaleDrafts"/>). The response model reads them for the task's score and for the
    /// history row its send becomes; null when never measured (tasks sent before they were recorded), which the model
    /// treats as unknown, not as a message without words, questions or note.
    /// </summary>
    public MessageStats? MessageStats { get; init; }

    /// <summary>
    /// The recipient's details the model reads, as they were when the message went out: recorded by the sender at its
    /// claim, and when the owner marks a LinkedIn draft done. Null while pending (the model reads the contact as it is
    /// now) and for tasks sent before it was recorded (their history rows read the contact as it is now).
    /// </summary>
    public RecipientAtSend? RecipientAtSend { get; init; }

    /// <summary>Why it was skipped (e.g. <c>replied</c>, <c>suppressed</c>, <c>no-email</c>), or null.</summary>
    public string? SkipReason { get; init; }

    /// <summary>When a sender claimed it (set with <see cref="TaskState.Claimed"/>), so a redelivery can tell a stale claim from one in flight.</summary>
    public DateTimeOffset? ClaimedUtc { get; init; }

    /// <summary>
    /// When the task's send request becomes visible on the send queue: set by the dispatcher when it enqueues the task
    /// (its send time, after the visibility delay that spaces the day's sends), by the sender when it gives a claim back
    /// for the queue's next delivery, and by the stuck-send sweeper when it enqueues a lost request again. A task still
    /// queued long after it is taken for one whose request was lost (<see cref="Sending.StuckSendSweeper"/>). Null on rows
    /// queued before it was recorded.
    /// </summary>
    public DateTimeOffset? SendAtUtc { get; init; }

    /// <summary>
    /// How many times the stuck-send sweeper put a new send request on the queue for this task because the one before
    /// was lost (process stopped, poisoned or expired message); reset when the owner re-queues the task by hand.
    /// </summary>
    public int LostSendRequeues { get; init; }

    /// <summary>When SMTP accepted it, or null.</summary>
    public DateTimeOffset? SentUtc { get; init; }

    /// <summary>The Message-ID it was (or is being) sent with, angle brackets included; set at claim time.</summary>
    public string? MessageId { get; init; }

    /// <summary>Why the last send attempt did not go through (failed, needs review, retried), shown to the owner; never an address.</summary>
    public string? FailureReason { get; init; }

    /// <summary>
    /// The stored copy's version (the table ETag) as last read or written, or null for a task not yet stored. It travels
    /// with <see cref="MoveTo"/> and <c>with</c> copies, so <see cref="ITaskStore.TryReplaceAsync"/> can refuse a write
    /// based on a stale read.
    /// </summary>
    public string? Version { get; init; }

    /// <summary>The score used for ordering: <see cref="Score"/>, or the 5 % baseline when not yet scored.</summary>
    public double EffectiveScore => Score ?? Baseline.Rate;

    /// <summary>Id, step and state only: the generated record text would print the recipient's email into logs.</summary>
    public override string ToString() => $"Task {TaskId} ({CampaignId}/{StepId}, {TaskStates.NameOf(State)})";

    /// <summary>The task in <paramref name="to"/>, after checking the move with <see cref="TaskStateMachine"/>.</summary>
    /// <param name="to">The new state.</param>
    /// <param name="reason">Why, required when skipping.</param>
    /// <exception cref="DomainException">The move is not allowed (code <c>task.invalid-transition</c>).</exception>
    public OutreachTask MoveTo(TaskState to, string? reason = null)
    {
        TaskStateMachine.EnsureCanMove(this, to);
        if (to == TaskState.Skipped && string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("task.skip-reason-required", $"Skipping task '{TaskId}' needs a reason.", "skipReason");
        }

        return this with { State = to, SkipReason = to == TaskState.Skipped ? reason : SkipReason };
    }
}
