using Outreach.Core.Campaigns;
using Outreach.Core.Planning;
using static Outreach.Core.Tests.Planning.Given;
using Outreach.Core.Messaging.Templates;

namespace Outreach.Core.Tests.Planning;

public sealed class CampaignPlannerTests
{
    private static readonly Campaign ClassVisit = DefaultCampaigns.ClassVisitFollowUp("student-1");

    private static IReadOnlyList<DateTimeOffset> DueTimes(string clock, SenderSchedule sender, DateOnly? metOn, Campaign? campaign = null)
    {
        var plan = new CampaignPlanner(ClockAt(clock)).Enroll(campaign ?? ClassVisit, [Contact("c1", metOn, "ada@example.org")], sender, SuppressionList.None);
        return [.. plan.Tasks.Select(t => t.DueUtc)];
    }

    private static Campaign TwoSteps(StepDelay second, TimeOnly? sendAt = null) => ClassVisit with
    {
        Steps =
        [
            new CampaignStep { StepId = "thank-you", Template = TemplateKind.ThankYou, Delay = StepDelay.BusinessDays(1) },
            new CampaignStep { StepId = "second", Template = TemplateKind.FollowUp, Delay = second, SendAt = sendAt ?? CampaignStep.DefaultSendAt },
        ],
    };

    [Fact]
    public void A_Friday_meeting_gets_its_thank_you_at_nine_on_Monday_then_follow_up_and_stay_in_touch()
    {
        var due = DueTimes("2026-03-06T18:00Z", LondonSender, Date(2026, 3, 6));

        // Monday 9 March 09:00 GMT; +7 days Monday 16 March 09:00 GMT; +30 days Wednesday 15 April 09:00 BST.
        Assert.Equal([Utc("2026-03-09T09:00Z"), Utc("2026-03-16T09:00Z"), Utc("2026-04-15T08:00Z")], due);
    }

    [Fact]
    public void Seven_business_days_and_seven_calendar_days_land_on_different_dates()
    {
        var business = DueTimes("2026-03-06T18:00Z", LondonSender, Date(2026, 3, 6), TwoSteps(StepDelay.BusinessDays(7)));
        var calendar = DueTimes("2026-03-06T18:00Z", LondonSender, Date(2026, 3, 6), TwoSteps(StepDelay.CalendarDays(7)));

        Assert.Equal(Utc("2026-03-18T09:00Z"), business[1]);
        Assert.Equal(Utc("2026-03-16T09:00Z"), calendar[1]);
    }

    [Fact]
    public void A_holiday_moves_the_next_business_morning()
    {
        var sender = LondonSender with { Calendar = new BusinessCalendar([Date(2026, 3, 9)]) };

        Assert.Equal(Utc("2026-03-10T09:00Z"), DueTimes("2026-03-06T18:00Z", sender, Date(2026, 3, 6))[0]);
    }

    [Fact]
    public void A_calendar_step_landing_on_Saturday_keeps_its_hour_on_Monday()
    {
        var due = DueTimes("2026-03-02T18:00Z", LondonSender, Date(2026, 3, 2), TwoSteps(StepDelay.CalendarDays(4)));

        Assert.Equal([Utc("2026-03-03T09:00Z"), Utc("2026-03-09T09:00Z")], due);
    }

    [Fact]
    public void A_step_aimed_before_the_window_opens_moves_to_the_opening_and_after_it_closes_to_the_next_morning()
    {
        var early = DueTimes("2026-03-02T18:00Z", LondonSender, Date(2026, 3, 2), TwoSteps(StepDelay.CalendarDays(1), new TimeOnly(7, 0)));
        var late = DueTimes("2026-03-02T18:00Z", LondonSender, Date(2026, 3, 2), TwoSteps(StepDelay.CalendarDays(1), new TimeOnly(19, 0)));

        Assert.Equal(Utc("2026-03-04T08:00Z"), early[1]);
        Assert.Equal(Utc("2026-03-05T08:00Z"), late[1]);
    }

    [Fact]
    public void London_steps_across_the_March_switch_stay_at_nine_local()
    {
        var due = DueTimes("2026-03-26T18:00Z", LondonSender, Date(2026, 3, 26));

        Assert.Equal(Utc("2026-03-27T09:00Z"), due[0]); // Friday, 09:00 GMT
        Assert.Equal(Utc("2026-04-03T08:00Z"), due[1]); // Friday after the switch, 09:00 BST
        Assert.All(due, d => Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(ZonedTime.ToLocal(d, London))));
    }

    [Fact]
    public void New_York_steps_across_the_March_switch_stay_at_nine_local()
    {
        var due = DueTimes("2026-03-05T23:00Z", NewYorkSender, Date(2026, 3, 5));

        Assert.Equal(Utc("2026-03-06T14:00Z"), due[0]); // Friday, 09:00 EST
        Assert.Equal(Utc("2026-03-13T13:00Z"), due[1]); // Friday after the switch, 09:00 EDT
    }

    [Fact]
    public void Steps_across_the_autumn_switch_stay_at_nine_local_in_both_zones()
    {
        var london = DueTimes("2026-10-22T18:00Z", LondonSender, Date(2026, 10, 22));
        var newYork = DueTimes("2026-10-29T23:00Z", NewYorkSender, Date(2026, 10, 29));

        Assert.Equal([Utc("2026-10-23T08:00Z"), Utc("2026-10-30T09:00Z")], london.Take(2));
        Assert.Equal([Utc("2026-10-30T13:00Z"), Utc("2026-11-06T14:00Z")], newYork.Take(2));
    }

    [Fact]
    public void A_step_aimed_into_the_gap_or_the_repeated_hour_resolves_forward_or_to_the_first_occurrence()
    {
        var allDay = LondonSender with
        {
            Window = new SendingWindow(Enum.GetValues<DayOfWeek>(), TimeOnly.MinValue, new TimeOnly(23, 59)),
            Calendar = BusinessCalendar.WeekendsOnly,
        };
        var night = ClassVisit with
        {
            Steps = [new CampaignStep { StepId = "s", Template = TemplateKind.ThankYou, Delay = StepDelay.CalendarDays(0), SendAt = new TimeOnly(1, 30) }],
        };

        Assert.Equal(Utc("2026-03-29T01:30Z"), DueTimes("2026-03-28T12:00Z", allDay, Date(2026, 3, 29), night)[0]);
        Assert.Equal(Utc("2026-10-25T00:30Z"), DueTimes("2026-10-24T12:00Z", allDay, Date(2026, 10, 25), night)[0]);
    }

    [Fact]
    public void An_old_meeting_is_planned_from_enrolment_time_not_in_the_past()
    {
        var due = DueTimes("2026-03-03T10:00Z", LondonSender, Date(2019, 1, 3));

        Assert.Equal([Utc("2026-03-03T10:00Z"), Utc("2026-03-10T09:00Z"), Utc("2026-04-09T08:00Z")], due);
    }

    [Fact]
    public void Without_a_meeting_date_the_connection_date_is_used_and_without_either_the_enrolment_day()
    {
        var planner = new CampaignPlanner(ClockAt("2026-03-03T10:00Z"));
        var connected = Contact("c1", email: "a@example.org") with { ConnectedOn = Date(2026, 3, 5) };
        var unknown = Contact("c2", email: "b@example.org");

        var plan = planner.Enroll(ClassVisit, [connected, unknown], LondonSender, SuppressionList.None);

        Assert.Equal(Utc("2026-03-06T09:00Z"), plan.Tasks.Single(t => t.ContactId == "c1" && t.StepId == "thank-you").DueUtc);
        Assert.Equal(Utc("2026-03-04T09:00Z"), plan.Tasks.Single(t => t.ContactId == "c2" && t.StepId == "thank-you").DueUtc);
    }

    [Fact]
    public void Contacts_with_an_email_get_email_tasks_and_the_others_linkedin_drafts()
    {
        var plan = new CampaignPlanner(ClockAt("2026-03-06T18:00Z")).Enroll(
            ClassVisit, [Contact("c1", email: " Ada@Example.org "), Contact("c2")], LondonSender, SuppressionList.None);

        Assert.All(plan.Tasks.Where(t => t.ContactId == "c1"), t => Assert.Equal((TaskChannel.Email, "ada@example.org"), (t.Channel, t.EmailKey)));
        Assert.All(plan.Tasks.Where(t => t.ContactId == "c2"), t => Assert.Equal((TaskChannel.LinkedIn, (string?)null), (t.Channel, t.EmailKey)));
        Assert.All(plan.Tasks, t => Assert.Equal((TaskState.Planned, (double?)null, 0.05), (t.State, t.Score, t.EffectiveScore)));
    }

    [Fact]
    public void Printing_a_task_never_shows_the_recipients_email()
    {
        var task = new CampaignPlanner(ClockAt("2026-03-06T18:00Z")).Enroll(ClassVisit, [Contact("c1", email: "ada@example.org")], LondonSender, SuppressionList.None).Tasks[0];

        Assert.Equal($"Task {task.TaskId} (class-visit-follow-up/thank-you, planned)", task.ToString());
    }

    [Fact]
    public void An_email_only_step_for_a_contact_without_email_is_skipped_with_reason_no_email()
    {
        var campaign = ClassVisit with { Steps = [ClassVisit.Steps[0] with { Channel = ChannelPreference.EmailOnly }] };

        var task = new CampaignPlanner(ClockAt("2026-03-06T18:00Z")).Enroll(campaign, [Contact("c2")], LondonSender, SuppressionList.None).Tasks.Single();

        Assert.Equal((TaskState.Skipped, "no-email"), (task.State, task.SkipReason));
    }

    [Fact]
    public void Suppressed_contacts_are_planned_skipped_with_reason_suppressed()
    {
        var suppression = new SuppressionList().AddEmail("student-1", "BOB@example.org").AddContact("student-1", "c3");
        var plan = new CampaignPlanner(ClockAt("2026-03-06T18:00Z")).Enroll(
            ClassVisit, [Contact("c1", email: "ada@example.org"), Contact("c2", email: "bob@example.org"), Contact("c3")], LondonSender, suppression);

        Assert.Equal(3, plan.Planned.Count());
        Assert.Equal(["c2", "c3"], plan.Skipped.Select(t => t.ContactId).Distinct().ToArray());
        Assert.All(plan.Skipped, t => Assert.Equal("suppressed", t.SkipReason));
    }

    [Fact]
    public async Task Enrolling_twice_gives_the_same_task_ids_and_stores_no_duplicates()
    {
        var clock = ClockAt("2026-03-06T18:00Z");
        var store = new InMemoryTaskStore();
        var index = new InMemoryDueIndex();
        var writer = new PlanWriter(store, index, clock);
        var contacts = new[] { Contact("c1", Date(2026, 3, 6), "ada@example.org"), Contact("c2", Date(2026, 3, 6)) };
        var planner = new CampaignPlanner(clock);

        var first = planner.Enroll(ClassVisit, contacts, LondonSender, SuppressionList.None);
        var addedFirst = await writer.WriteAsync(first.Tasks, CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(1));
        var second = planner.Enroll(ClassVisit, contacts, LondonSender, SuppressionList.None);
        var addedSecond = await writer.WriteAsync(second.Tasks, CancellationToken.None);

        Assert.Equal(first.Tasks.Select(t => t.TaskId), second.Tasks.Select(t => t.TaskId));
        Assert.Equal(6, first.Tasks.Select(t => t.TaskId).Distinct().Count());
        Assert.Equal((6, 0), (addedFirst, addedSecond));
        Assert.Equal((6, 6), (store.Count, index.Count));
    }

    [Fact]
    public void A_contact_listed_twice_in_one_enrolment_is_planned_once()
    {
        var ada = Contact("c1", Date(2026, 3, 6), "ada@example.org");

        var plan = new CampaignPlanner(ClockAt("2026-03-06T18:00Z")).Enroll(ClassVisit, [ada, ada with { FirstName = "Ada L." }], LondonSender, SuppressionList.None);

        Assert.Equal(3, plan.Tasks.Count);
    }

    [Fact]
    public void Task_ids_depend_on_owner_campaign_contact_and_step_only()
    {
        var id = TaskIds.ForCampaignStep("student-1", "class-visit-follow-up", "c1", "thank-you");

        Assert.Equal(32, id.Length);
        Assert.Equal(id, TaskIds.ForCampaignStep("student-1", "class-visit-follow-up", "c1", "thank-you"));
        Assert.NotEqual(id, TaskIds.ForCampaignStep("student-2", "class-visit-follow-up", "c1", "thank-you"));
        Assert.NotEqual(TaskIds.ForCampaignStep("a|b", "c", "d", "e"), TaskIds.ForCampaignStep("a", "b|c", "d", "e"));
    }

    [Fact]
    public void A_client_enrolls_into_a_shared_coach_campaign_and_owns_the_tasks()
    {
        var shared = DefaultCampaigns.ClassVisitFollowUp("coach-1", CampaignOwnerKind.Coach) with { SharedWith = ["client-1"] };

        var plan = new CampaignPlanner(ClockAt("2026-03-06T18:00Z")).Enroll(shared, [Contact("c1", owner: "client-1")], LondonSender, SuppressionList.None);

        Assert.All(plan.Tasks, t => Assert.Equal("client-1", t.OwnerId));
    }

    [Fact]
    public void A_campaign_not_shared_with_the_contacts_owner_is_rejected()
    {
        var error = Assert.Throws<DomainException>(() =>
            new CampaignPlanner(ClockAt("2026-03-06T18:00Z")).Enroll(ClassVisit, [Contact("c1", owner: "student-2")], LondonSender, SuppressionList.None));

        Assert.Equal(("campaign.not-shared", "campaignId"), (error.Code, error.Target));
    }

    [Fact]
    public void The_introduction_campaign_cannot_be_enrolled_into()
    {
        var error = Assert.Throws<DomainException>(() => new CampaignPlanner(ClockAt("2026-03-06T18:00Z")).Enroll(
            DefaultCampaigns.PayItForwardIntroduction("student-1"), [Contact("c1")], LondonSender, SuppressionList.None));

        Assert.Equal("campaign.introduction-flow", error.Code);
    }

    [Fact]
    public void An_unknown_time_zone_is_rejected_naming_the_field()
    {
        var error = Assert.Throws<DomainException>(() => SenderSchedule.ForZone("Mars/Olympus_Mons"));

        Assert.Equal(("schedule.unknown-time-zone", "timeZone"), (error.Code, error.Target));
    }
}
