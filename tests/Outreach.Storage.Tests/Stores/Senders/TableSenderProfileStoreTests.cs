using Outreach.Core.Planning;
using Outreach.Core.Senders;
using Outreach.Storage.Stores.Senders;
using Outreach.Storage.Tables;
using Outreach.Testing.LocalServices;

namespace Outreach.Storage.Tests.Stores.Senders;

[Collection(AzuriteGroup.Name)]
public sealed class TableSenderProfileStoreTests(AzuriteFixture azurite)
{
    private async Task<TableSenderProfileStore> NewStoreAsync() => new(await StoreTables.NewAsync(azurite, "profiles"));

    [Fact]
    public async Task Every_profile_field_round_trips_including_window_and_smtp_account()
    {
        var store = await NewStoreAsync();
        var profile = new SenderProfile
        {
            OwnerId = "student#1",
            FirstName = "Ada",
            LastName = "Lovelace",
            Email = "ada@school.example",
            Signature = "Ada",
            School = "Analytical College",
            Program = "Engines",
            TimeZoneId = "America/New_York",
            Window = new SendingWindow([DayOfWeek.Tuesday, DayOfWeek.Thursday], new TimeOnly(9, 30), new TimeOnly(16, 45)),
            DailyCap = 12,
            MinimumSpacing = TimeSpan.FromMinutes(7),
            Calendar = new BusinessCalendar([new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 24)], [DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday]),
            Smtp = new SmtpAccount("smtp.school.example", 587, "ada", "sealed:abc", EnableSsl: true),
        };

        await store.SaveAsync(profile, CancellationToken.None);
        var read = await store.GetAsync("student#1", CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(profile.Window.Days, read.Window.Days);
        Assert.Equal((profile.Window.Opens, profile.Window.Closes), (read.Window.Opens, read.Window.Closes));
        Assert.Equal([DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday], read.Calendar.BusinessDays);
        Assert.Equal([new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 25)], read.Calendar.Holidays);
        Assert.Equal(profile with { Window = read.Window, Version = read.Version }, read);
    }

    [Fact]
    public async Task A_minimal_profile_reads_back_with_its_defaults_and_a_missing_one_is_null()
    {
        var store = await NewStoreAsync();
        var profile = new SenderProfile { OwnerId = "bo", Email = "bo@school.example" };

        await store.SaveAsync(profile, CancellationToken.None);

        var read = await store.GetAsync("bo", CancellationToken.None);
        Assert.Equal(profile with { Window = read!.Window, Version = read.Version }, read);
        Assert.Equal(SendingWindow.Weekdays.Days, read.Window.Days);
        Assert.Null(await store.GetAsync("nobody", CancellationToken.None));
    }

    [Fact]
    public async Task A_conditional_save_holds_only_against_the_version_it_read_and_a_first_one_only_when_none_exists()
    {
        var store = await NewStoreAsync();
        var first = await store.TrySaveAsync(new SenderProfile { OwnerId = "cy", Email = "cy@school.example" }, CancellationToken.None);
        Assert.NotNull(first?.Version);
        Assert.Null(await store.TrySaveAsync(new SenderProfile { OwnerId = "cy", Email = "other@school.example" }, CancellationToken.None));

        // Two edits read the same version: the first holds, the second is refused instead of undoing it.
        var read = (await store.GetAsync("cy", CancellationToken.None))!;
        Assert.Equal(first.Version, read.Version);
        var named = await store.TrySaveAsync(read with { FirstName = "Cy" }, CancellationToken.None);
        var capped = await store.TrySaveAsync(read with { DailyCap = 3 }, CancellationToken.None);

        Assert.NotNull(named);
        Assert.Null(capped);
        var stored = (await store.GetAsync("cy", CancellationToken.None))!;
        Assert.Equal(("Cy", SenderSchedule.DefaultDailyCap, named.Version), (stored.FirstName, stored.DailyCap, stored.Version));
        Assert.NotNull(await store.TrySaveAsync(stored with { DailyCap = 3 }, CancellationToken.None));
        Assert.Equal(("Cy", 3), ((await store.GetAsync("cy", CancellationToken.None))!.FirstName, (await store.GetAsync("cy", CancellationToken.None))!.DailyCap));
    }

    [Fact]
    public async Task A_row_stored_before_business_days_and_holidays_existed_reads_as_monday_to_friday_with_no_holidays()
    {
        var table = await StoreTables.NewAsync(azurite, "profiles");
        await table.UpsertAsync(new TableEntity("old", SenderProfileEntity.Row) { ["Email"] = "old@school.example", ["TimeZoneId"] = "Europe/London", ["WindowDays"] = "1,2,3,4,5" });

        var read = await new TableSenderProfileStore(table).GetAsync("old", CancellationToken.None);

        Assert.Equal(BusinessCalendar.WeekendsOnly, read!.Calendar);
        Assert.Equal(BusinessCalendar.MondayToFriday, read.Calendar.BusinessDays);
    }
}
