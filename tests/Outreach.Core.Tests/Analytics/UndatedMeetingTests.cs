using Outreach.Core.Analytics.Events;
using Outreach.Core.Campaigns;
using Outreach.Core.Contacts;
using Outreach.Core.Planning;
using static Outreach.Core.Tests.Planning.Given;

namespace Outreach.Core.Tests.Analytics;

/// <summary>
/// The meeting a sequence follows up is fixed when its tasks are planned: a contact imported without a meeting date is
/// one meeting (the enrolment day) whatever day each note goes out, and a reply counts for the meeting its send did.
/// </summary>
public sealed class UndatedMeetingTests
{
    private const string Owner = "student-1";
    private static readonly Campaign ClassVisit = DefaultCampaigns.ClassVisitFollowUp(Owner);
    private static readonly DateTimeOffset ImportedAt = Utc("2026-11-16T14:00Z"); // Monday, GMT
    private static readonly DateOnly ImportDay = Date(2026, 11, 16);
    private readonly MetricsScenario _metrics = new();

    [Fact]
    public async Task An_undated_contact_written_three_times_is_one_meeting_followed_up_once_within_two_days()
    {
        var contact = Contact("c1", metOn: null, email: "ada@example.org");
        var tasks = await ImportAndEnrolAsync(contact);

        foreach (var task in tasks)
        {
            await SendAsync(task, contact, task.DueUtc); // thank-you Tuesday, follow-up a week on, stay-in-touch a month on
        }

        var row = await _metrics.OwnerRowAsync(ImportDay.AddDays(-1), ImportDay.AddDays(60), Owner);
        Assert.Equal((1L, 1L, 3L), (row.ContactsMet, row.FollowedUp, row.Sent));
        Assert.Equal((1L, 1L), (row.FollowUpWithin2Days.Successes, row.FollowUpWithin7Days.Successes));
        Assert.Equal(1.0, row.FollowUpWithin2Days.Rate);
    }

    [Fact]
    public async Task An_undated_contacts_follow_up_speed_is_measured_from_the_one_meeting_not_from_each_send()
    {
        var contact = Contact("c1", metOn: null, email: "ada@example.org");
        var tasks = await ImportAndEnrolAsync(contact);

        // The thank-you went out four days after the import (a backlog, a paused sender), the rest on time.
        await SendAsync(tasks[0], contact, Utc("2026-11-20T09:00Z"));
        await SendAsync(tasks[1], contact, tasks[1].DueUtc);
        await SendAsync(tasks[2], contact, tasks[2].DueUtc);

        var row = await _metrics.OwnerRowAsync(ImportDay.AddDays(-1), ImportDay.AddDays(60), Owner);
        Assert.Equal((1L, 1L), (row.ContactsMet, row.FollowedUp));
        Assert.Equal((0L, 1L), (row.FollowUpWithin2Days.Successes, row.FollowUpWithin7Days.Successes));
    }

    [Fact]
    public async Task A_reply_to_an_undated_contacts_note_counts_for_the_meeting_the_note_followed_up()
    {
        var contact = Contact("c1", metOn: null, email: "ada@example.org");
        var tasks = await ImportAndEnrolAsync(contact);
        var sentAt = tasks[0].DueUtc;
        await SendAsync(tasks[0], contact, sentAt);

        await _metrics.RecordAsync(ReplyReceived.Of(tasks[0], contact, LondonSender.LocalDateOf(sentAt), sentAt, Utc("2026-11-30T10:00Z")), London);

        var meetingDay = await _metrics.OwnerRowAsync(ImportDay, ImportDay, Owner);
        Assert.Equal((1L, 1L, 1L), (meetingDay.ContactsMet, meetingDay.FollowedUp, meetingDay.ContactsReplied));
        Assert.Equal(1L, (await _metrics.OwnerRowAsync(ImportDay.AddDays(-1), ImportDay.AddDays(60), Owner)).ContactsReplied);
    }

    [Fact]
    public async Task A_reply_counts_for_its_sends_meeting_even_after_the_contact_was_met_again()
    {
        var metFirst = Date(2026, 11, 16);
        var contact = Contact("c1", metOn: metFirst, email: "ada@example.org");
        var tasks = await ImportAndEnrolAsync(contact);
        var sentAt = tasks[0].DueUtc;
        await SendAsync(tasks[0], contact, sentAt);

        // Met again at a meetup on 1 December (a later import adds the meeting), then the reply to the thank-you arrives.
        var metAgain = contact with { Events = [.. contact.Events, new EventMet("Meetup", Date(2026, 12, 1))] };
        await _metrics.RecordAsync(new ContactMet(Owner, "c1", MeetingContext.Of(metAgain, Date(2026, 12, 1))), London);
        await _metrics.RecordAsync(ReplyReceived.Of(tasks[0], metAgain, LondonSender.LocalDateOf(sentAt), sentAt, Utc("2026-12-03T10:00Z")), London);

        Assert.Equal(1L, (await _metrics.OwnerRowAsync(metFirst, metFirst, Owner)).ContactsReplied);
        Assert.Equal(0L, (await _metrics.OwnerRowAsync(Date(2026, 12, 1), Date(2026, 12, 1), Owner)).ContactsReplied);
    }

    [Fact]
    public async Task An_undated_contact_enrolled_ten_days_after_its_import_is_followed_up_late_for_the_meeting_counted_at_import()
    {
        // Imported on Monday without a campaign (counted as met that day), enrolled ten days later.
        var contact = Contact("c1", metOn: null, email: "ada@example.org") with { AddedOn = ImportDay };
        await _metrics.RecordAsync(new ContactMet(Owner, contact.ContactId, MeetingContext.Of(contact, ImportDay)), London);
        var tasks = new CampaignPlanner(ClockAt("2026-11-26T14:00Z")).Enroll(ClassVisit, [contact], LondonSender, SuppressionList.None).Tasks;
        foreach (var task in tasks)
        {
            await SendAsync(task, contact, task.DueUtc);
        }

        Assert.All(tasks, t => Assert.Equal(ImportDay, t.MeetingOn));
        var meetingDay = await _metrics.OwnerRowAsync(ImportDay, ImportDay, Owner);
        Assert.Equal((1L, 1L), (meetingDay.ContactsMet, meetingDay.FollowedUp));
        Assert.Equal((0L, 0L), (meetingDay.FollowUpWithin2Days.Successes, meetingDay.FollowUpWithin7Days.Successes));
        var enrolmentWeek = await _metrics.OwnerRowAsync(Date(2026, 11, 23), Date(2026, 11, 29), Owner);
        Assert.Equal((0L, 0L), (enrolmentWeek.ContactsMet, enrolmentWeek.FollowedUp));
    }

    [Fact]
    public void An_undated_contacts_meeting_is_the_day_it_was_imported_whatever_day_it_is_counted_or_enrolled()
    {
        var contact = Contact("c1", metOn: null, email: "ada@example.org") with { AddedOn = ImportDay };

        Assert.Equal(ImportDay, MeetingContext.Of(contact, ImportDay.AddDays(9)).MetOn);
        Assert.Equal(ImportDay, CampaignPlanner.MetOn(contact));
        Assert.Equal(Date(2026, 11, 2), CampaignPlanner.MetOn(contact with { ConnectedOn = Date(2026, 11, 2) }));
    }

    [Fact]
    public async Task A_task_stored_without_its_meeting_is_credited_as_before_to_the_contacts_meeting_else_its_send_day()
    {
        var undated = Contact("c1", metOn: null, email: "ada@example.org");
        var dated = Contact("c2", metOn: ImportDay, email: "bo@example.org");
        var sentAt = Utc("2026-11-18T09:00Z");
        var legacy = (await ImportAndEnrolAsync(undated, dated)).Select(t => t with { MeetingOn = null, MeetingEvent = null }).ToList();

        Assert.Equal(Date(2026, 11, 18), OutreachSent.Of(legacy[0], undated, LondonSender.LocalDateOf(sentAt), sentAt).Meeting.MetOn);
        Assert.Equal(new MeetingContext(ImportDay, "Class visit"), OutreachSent.Of(legacy[3], dated, LondonSender.LocalDateOf(sentAt), sentAt).Meeting);
    }

    /// <summary>What an import with a campaign does: counts each contact met (undated: on the import day) and plans the sequence.</summary>
    private async Task<IReadOnlyList<OutreachTask>> ImportAndEnrolAsync(params Contact[] contacts)
    {
        var importDay = LondonSender.LocalDateOf(ImportedAt);
        foreach (var contact in contacts)
        {
            await _metrics.RecordAsync(new ContactMet(Owner, contact.ContactId, MeetingContext.Of(contact, importDay)), London);
        }

        return new CampaignPlanner(ClockAt("2026-11-16T14:00Z")).Enroll(ClassVisit, contacts, LondonSender, SuppressionList.None).Tasks;
    }

    private Task<int> SendAsync(OutreachTask task, Contact contact, DateTimeOffset sentAt) =>
        _metrics.RecordAsync(OutreachSent.Of(task, contact, LondonSender.LocalDateOf(sentAt), sentAt), London);
}
