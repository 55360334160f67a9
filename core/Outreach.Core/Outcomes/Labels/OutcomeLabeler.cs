namespace Outreach.Core.Outcomes;

/// <summary>
/// Labels a sent task for training: did a person respond within the window after it was sent?
/// The window is half-open, <c>[sentAt, sentAt + window)</c>: a response at exactly <c>sentAt + window</c>
/// is too late, and at that instant the window is closed. Responses are <see cref="Outcome.IsResponse"/>
/// types (replied, meeting booked, introduction accepted or declined); auto-replies, unsubscribes and bounces
/// are not. A bounced send with no response is excluded from training (it never reached anyone); a
/// response proves delivery and wins over a bounce. Pass the task's own outcomes.
/// </summary>
public sealed class OutcomeLabeler
{
    /// <summary>The default window: 14 days.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(14);

    private readonly TimeProvider _time;

    /// <summary>Creates a labeler.</summary>
    /// <param name="time">Decides whether a window has closed.</param>
    /// <param name="window">The response window, or <see cref="DefaultWindow"/>.</param>
    public OutcomeLabeler(TimeProvider time, TimeSpan? window = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        var length = window ?? DefaultWindow;
        if (length <= TimeSpan.Zero)
        {
            throw new DomainException("label.window", "The label window must be positive.", nameof(window));
        }

        _time = time;
        Window = length;
    }

    /// <summary>The response window.</summary>
    public TimeSpan Window { get; }

    /// <summary>Labels one sent task.</summary>
    /// <param name="sentAt">When the task's message was sent.</param>
    /// <param name="outcomes">The task's outcomes.</param>
    public TrainingLabel Label(DateTimeOffset sentAt, IEnumerable<Outcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var end = sentAt + Window;
        var list = outcomes as IReadOnlyCollection<Outcome> ?? [.. outcomes];
        if (list.Any(o => Outcome.IsResponse(o.Type) && o.OccurredAt < end))
        {
            return new TrainingLabel(LabelStatus.Positive);
        }

        if (list.Any(o => o.Type == OutcomeType.Bounced))
        {
            return new TrainingLabel(LabelStatus.Excluded);
        }

        return new TrainingLabel(_time.GetUtcNow() >= end ? LabelStatus.Negative : LabelStatus.Pending);
    }
}
