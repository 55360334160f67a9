namespace Outreach.Core.Outcomes;

/// <summary>
/// Validates an owner-entered outcome and turns it into an <see cref="Outcome"/>. Only outcomes a person can
/// witness are accepted; bounces, auto-replies and unsubscribes come from mail and links, never from a form.
/// Each failure is a <see cref="DomainException"/> whose target is the request body's field (<c>occurredUtc</c> for
/// <see cref="ManualOutcomeRequest.OccurredAt"/>). Without a time, the same outcome posted twice the same day is one.
/// </summary>
public sealed class ManualOutcomeValidator
{
    /// <summary>The longest note accepted.</summary>
    public const int MaxNoteLength = 2000;

    private static readonly Dictionary<string, OutcomeType> AcceptedTypes = new(StringComparer.Ordinal)
    {
        ["replied"] = OutcomeType.Replied,
        ["meeting_booked"] = OutcomeType.MeetingBooked,
        ["intro_accepted"] = OutcomeType.IntroAccepted,
        ["intro_declined"] = OutcomeType.IntroDeclined,
    };

    private readonly ITaskDirectory _tasks;
    private readonly TimeProvider _time;

    /// <summary>Creates the validator.</summary>
    public ManualOutcomeValidator(ITaskDirectory tasks, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(time);
        _tasks = tasks;
        _time = time;
    }

    /// <summary>Validates the request for the owner and returns the outcome to record.</summary>
    public async Task<Outcome> ValidateAsync(string ownerId, ManualOutcomeRequest request, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerId);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Type is null || !AcceptedTypes.TryGetValue(request.Type.Trim().ToLowerInvariant(), out var type))
        {
            throw new DomainException(
                "outcome.invalid-type",
                "The field 'type' must be one of: replied, meeting_booked, intro_accepted, intro_declined.",
                "type");
        }

        if (string.IsNullOrWhiteSpace(request.ContactId))
        {
            throw new DomainException("outcome.missing-contact", "The field 'contactId' is required.", "contactId");
        }

        var now = _time.GetUtcNow();
        var occurredAt = request.OccurredAt ?? now;
        if (occurredAt > now)
        {
            throw new DomainException("outcome.future", "The field 'occurredUtc' must not be in the future.", "occurredUtc");
        }

        if (request.Note is { Length: > MaxNoteLength })
        {
            throw new DomainException("outcome.note-too-long", $"The field 'note' must be at most {MaxNoteLength} characters.", "note");
        }

        var taskId = string.IsNullOrWhiteSpace(request.TaskId) ? null : request.TaskId;
        if (taskId is not null && !await _tasks.BelongsToContactAsync(ownerId, taskId, request.ContactId, cancellationToken))
        {
            throw new DomainException("outcome.task-not-contacts", "The field 'taskId' does not name a task sent to this contact.", "taskId");
        }

        return new Outcome
        {
            OwnerId = ownerId,
            ContactId = request.ContactId,
            TaskId = taskId,
            Type = type,
            OccurredAt = occurredAt,
            Source = OutcomeSource.Manual,
            DedupeKey = DedupeKeys.ForManual(ownerId, request.ContactId, taskId, type, KeyTime(request.OccurredAt, now)),
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
        };
    }

    /// <summary>
    /// The time in the dedupe key: the one given, else the start of today (UTC). "Now" differs on every post, so the same
    /// outcome posted again without a time (a double click, a retried request) would be recorded twice.
    /// </summary>
    private static DateTimeOffset KeyTime(DateTimeOffset? occurredAt, DateTimeOffset now) =>
        occurredAt ?? new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
}
