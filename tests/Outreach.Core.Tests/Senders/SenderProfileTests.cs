using Outreach.Core.Campaigns;
using Outreach.Core.Planning;
using Outreach.Core.Senders;

namespace Outreach.Core.Tests.Senders;

public sealed class SenderProfileTests
{
    private static readonly SenderProfile Ana = new()
    {
        OwnerId = "ana",
        FirstName = "Ana",
        LastName = "Silva",
        Email = "ana.silva@example.edu",
        TimeZoneId = "Europe/London",
        DailyCap = 25,
        MinimumSpacing = TimeSpan.FromMinutes(5),
        Smtp = new SmtpAccount("smtp.example.edu", 587, "ana.silva", "v1.k.sealed"),
    };

    [Fact]
    public void Schedule_carries_the_owners_zone_cap_and_spacing()
    {
        var schedule = Ana.ToSchedule();

        Assert.Equal("Europe/London", schedule.TimeZone.Id);
        Assert.Equal(25, schedule.DailyCap);
        Assert.Equal(TimeSpan.FromMinutes(5), schedule.MinimumSpacing);
        Assert.Equal(SendingWindow.Weekdays, schedule.Window);
    }

    [Fact]
    public void A_Friday_meetings_thank_you_comes_on_Sunday_for_a_Sunday_to_Thursday_week()
    {
        DayOfWeek[] sundayToThursday = [DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday];
        var profile = Ana with
        {
            Window = new SendingWindow(sundayToThursday, new TimeOnly(8, 0), new TimeOnly(18, 0)),
            Calendar = new BusinessCalendar(businessDays: sundayToThursday),
        };

        var due = ThankYouDue(profile, metOn: new DateOnly(2026, 3, 13));

        Assert.Equal(new DateTimeOffset(2026, 3, 15, 9, 0, 0, TimeSpan.Zero), due); // Sunday 09:00 London, not Monday
    }

    [Fact]
    public void A_holiday_closes_sending_and_the_thank_you_comes_the_business_day_after_it()
    {
        var profile = Ana with { Calendar = new BusinessCalendar([new DateOnly(2026, 3, 16)]) };

        var due = ThankYouDue(profile, metOn: new DateOnly(2026, 3, 13));

        Assert.Equal(new DateTimeOffset(2026, 3, 17, 9, 0, 0, TimeSpan.Zero), due); // Tuesday: Monday is the owner's holiday
        Assert.False(profile.ToSchedule().IsSendingDay(new DateOnly(2026, 3, 16)));
    }

    [Fact]
    public void Unknown_time_zone_is_reported_naming_the_field()
    {
        var error = Assert.Throws<DomainException>(() => (Ana with { TimeZoneId = "Mars/Olympus" }).ToSchedule());

        Assert.Equal("timeZone", error.Target);
    }

    [Fact]
    public void Printing_a_profile_shows_neither_address_nor_smtp_login()
    {
        var printed = Ana.ToString() + Ana.Smtp;

        Assert.DoesNotContain("ana.silva", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("sealed", printed, StringComparison.Ordinal);
        Assert.Contains("ana", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Templates_see_the_senders_names_and_address()
    {
        var sender = Ana.ToTemplateSender();

        Assert.Equal("Ana Silva", sender.FullName);
        Assert.Equal("ana.silva@example.edu", sender.Email);
    }

    [Fact]
    public async Task Saved_profile_is_returned_for_its_owner_only()
    {
        var store = new InMemorySenderProfileStore();
        await store.SaveAsync(Ana, CancellationToken.None);

        Assert.Equal(Ana, (await store.GetAsync("ana", CancellationToken.None))! with { Version = null });
        Assert.Null(await store.GetAsync("ben", CancellationToken.None));
    }

    private static DateTimeOffset ThankYouDue(SenderProfile profile, DateOnly metOn) =>
        StepScheduler.DueTimes(DefaultCampaigns.ClassVisitFollowUp(profile.OwnerId), metOn, new DateTimeOffset(2026, 3, 13, 18, 0, 0, TimeSpan.Zero), profile.ToSchedule())[0];
}
