using System.Globalization;
using Outreach.Core.Analytics.Counters;

namespace Outreach.Core.Analytics.Events;

/// <summary>
/// Turns a pipeline event into counter increments. Pure: the same event always gives the same increments, each
/// with a dedupe key naming the fact it counts, so re-applying an event (queues deliver at least once) never
/// double counts.
/// </summary>
/// <remarks>
/// <para>Meeting-day counters (met, followed up, replied contacts) go to the owner and event cells of the meeting
/// date; send-day counters (sent, replied, model bins) go to every dimension's cell of the owner-local date the task
/// was sent. A reply is credited to its send's day. Cohorts have no cells: a cohort's figures are its owners' (see
/// <see cref="Reports.MetricsReader"/>), so filing a client under a cohort later moves their whole history with them.</para>
/// <para>Follow-up within N days means: some outreach to the contact was sent on a local calendar day no more than
/// N days after the meeting date (see <see cref="OwnerCalendar.DaysAfterMeeting"/>). Because the first outreach is
/// the earliest, this is the same as "the first outreach on or after the meeting was within N days", but it does not depend on sends
/// being applied in order. Each follow-up counter is keyed by contact and meeting date, so later sends to the
/// same contact do not count it again. Outreach sent before the meeting date is not a follow-up.</para>
/// <para>The meeting a send follows up is the one fixed when its task was planned (see
/// <see cref="MeetingContext.Of(Planning.OutreachTask, Contacts.Contact, DateOnly)"/>): for a contact imported without a
/// meeting or connection date, the day it was imported, where it was counted as met (<see cref="Contacts.Contact.AddedOn"/>),
/// however much later its sequence was enrolled. So the thank-you, follow-up and stay-in-touch of one sequence are one
/// meeting followed up, its speed measured from that day, and a reply counts for that meeting too.</para>
/// </remarks>
public static class MetricsProjector
{
    /// <summary>Within this many calendar days counts for the short follow-up rate.</summary>
    public const int ShortFollowUpDays = 2;

    /// <summary>Within this many calendar days counts for the long follow-up rate.</summary>
    public const int LongFollowUpDays = 7;

    private static readonly DimensionKind[] MeetingKinds = [DimensionKind.Owner, DimensionKind.Event];
    private static readonly DimensionKind[] SendKinds = Enum.GetValues<DimensionKind>();

    /// <summary>The increments for one event; an erasure has none (see <see cref="MetricsRecorder"/>).</summary>
    /// <param name="metricEvent">The event.</param>
    /// <param name="ownerTimeZone">The owner's time zone, which decides the calendar day of sends.</param>
    /// <exception cref="DomainException">The event is missing an id or carries an impossible value.</exception>
    public static IReadOnlyList<CounterIncrement> Project(MetricEvent metricEvent, TimeZoneInfo ownerTimeZone)
    {
        ArgumentNullException.ThrowIfNull(metricEvent);
        ArgumentNullException.ThrowIfNull(ownerTimeZone);
        RequireId(metricEvent.OwnerId, "ownerId");
        RequireId(metricEvent.ContactId, "contactId");
        return metricEvent switch
        {
            ContactMet met => ForMeeting(met),
            OutreachSent sent => ForSend(sent, ownerTimeZone),
            ReplyReceived reply => ForReply(reply, ownerTimeZone),
            ContactErased => [],
            _ => throw new ArgumentException($"No projection for {metricEvent.GetType().Name}.", nameof(metricEvent)),
        };
    }

    private static List<CounterIncrement> ForMeeting(ContactMet met)
    {
        var increments = new List<CounterIncrement>();
        var fact = new DedupeKey(met.OwnerId, met.ContactId, Fact("met", met.Meeting.MetOn));
        AddToEach(increments, MeetingCells(met.OwnerId, met.Meeting), CounterNames.Met, 1, fact);
        return increments;
    }

    private static List<CounterIncrement> ForSend(OutreachSent sent, TimeZoneInfo ownerTimeZone)
    {
        RequireId(sent.TaskId, "taskId");
        var bin = BinOf(sent.PredictedProbability);
        var increments = new List<CounterIncrement>();
        var sendFact = new DedupeKey(sent.OwnerId, sent.ContactId, "sent:" + sent.TaskId);
        var sendCells = SendCells(sent.OwnerId, OwnerCalendar.LocalDate(sent.SentAt, ownerTimeZone), sent.Meeting, sent.Step);
        AddToEach(increments, sendCells, CounterNames.Sent, 1, sendFact);
        if (bin is { } b)
        {
            AddToEach(increments, sendCells, CounterNames.BinSent(b), 1, sendFact);
            AddToEach(increments, sendCells, CounterNames.BinPredictedMicros(b), ProbabilityBins.ToMicros(sent.PredictedProbability!.Value), sendFact);
        }

        var days = OwnerCalendar.DaysAfterMeeting(sent.Meeting.MetOn, sent.SentAt, ownerTimeZone);
        if (days >= 0)
        {
            var meetingCells = MeetingCells(sent.OwnerId, sent.Meeting);
            var followUpFact = new DedupeKey(sent.OwnerId, sent.ContactId, Fact("followed-up", sent.Meeting.MetOn));
            AddToEach(increments, meetingCells, CounterNames.FollowedUp, 1, followUpFact);
            if (days <= LongFollowUpDays)
            {
                AddToEach(increments, meetingCells, CounterNames.FollowedUpWithin7Days, 1, followUpFact);
            }

            if (days <= ShortFollowUpDays)
            {
                AddToEach(increments, meetingCells, CounterNames.FollowedUpWithin2Days, 1, followUpFact);
            }
        }

        return increments;
    }

    private static List<CounterIncrement> ForReply(ReplyReceived reply, TimeZoneInfo ownerTimeZone)
    {
        RequireId(reply.TaskId, "taskId");
        if (reply.RepliedAt < reply.SentAt)
        {
            throw new DomainException("metrics.reply-before-send", "A reply cannot arrive before the outreach it answers was sent.", "repliedAt");
        }

        var bin = BinOf(reply.PredictedProbability);
        var increments = new List<CounterIncrement>();
        var replyFact = new DedupeKey(reply.OwnerId, reply.ContactId, "replied:" + reply.TaskId);
        var sendCells = SendCells(reply.OwnerId, OwnerCalendar.LocalDate(reply.SentAt, ownerTimeZone), reply.Meeting, reply.Step);
        AddToEach(increments, sendCells, CounterNames.Replied, 1, replyFact);
        if (bin is { } b)
        {
            AddToEach(increments, sendCells, CounterNames.BinReplied(b), 1, replyFact);
        }

        var contactFact = new DedupeKey(reply.OwnerId, reply.ContactId, Fact("replied-contact", reply.Meeting.MetOn));
        AddToEach(increments, MeetingCells(reply.OwnerId, reply.Meeting), CounterNames.RepliedContacts, 1, contactFact);
        return increments;
    }

    // A zero delta (a prediction of exactly 0) changes nothing, and stores only accept positive deltas.
    private static void AddToEach(List<CounterIncrement> increments, CellKey[] cells, string counter, long delta, DedupeKey fact)
    {
        if (delta > 0)
        {
            increments.AddRange(cells.Select(cell => new CounterIncrement(cell, counter, delta, fact)));
        }
    }

    private static CellKey[] MeetingCells(string ownerId, MeetingContext meeting) =>
        [.. MeetingKinds.Select(kind => new CellKey(ownerId, meeting.MetOn, kind, ValueOf(kind, ownerId, meeting, step: null)))];

    private static CellKey[] SendCells(string ownerId, DateOnly day, MeetingContext meeting, OutreachStep step) =>
        [.. SendKinds.Select(kind => new CellKey(ownerId, day, kind, ValueOf(kind, ownerId, meeting, step)))];

    private static string ValueOf(DimensionKind kind, string ownerId, MeetingContext meeting, OutreachStep? step) => kind switch
    {
        DimensionKind.Owner => ownerId,
        DimensionKind.Event => DimensionValue.Of(meeting.EventName),
        DimensionKind.Campaign => DimensionValue.Of(step?.CampaignId),
        DimensionKind.Step => DimensionValue.Of(step?.Step),
        DimensionKind.Template => DimensionValue.Of(step?.TemplateId),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown dimension."),
    };

    private static int? BinOf(double? probability)
    {
        if (probability is not { } p)
        {
            return null;
        }

        if (double.IsNaN(p) || p < 0 || p > 1)
        {
            throw new DomainException("metrics.probability-out-of-range", "A predicted probability must lie between 0 and 1.", "predictedProbability");
        }

        return ProbabilityBins.IndexOf(p);
    }

    private static string Fact(string what, DateOnly metOn) =>
        what + ":" + metOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void RequireId(string? id, string parameter)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new DomainException("metrics.id-missing", $"The event has no {parameter}.", parameter);
        }
    }
}
