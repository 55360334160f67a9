using Outreach.Core.Planning;
using Outreach.Core.Senders;
using Outreach.Storage.Stores.Senders;
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
            Smtp = new SmtpAccount("smtp.school.example", 587, "ada", "sealed:abc", EnableSsl: true),
        };

        await store.SaveAsync(profile, CancellationToken.None);
        var read = await store.GetAsync("student#1", CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(profile.Window.Days, read.Window.Days);
        Assert.Equal((profile.Window.Opens, profile.Window.Closes), (read.Window.Opens, read.Window.Closes));
        Assert.Equal(profile with { Window = read.Window }, read);
    }

    [Fact]
    public async Task A_minimal_profile_reads_back_with_its_defaults_and_a_missing_one_is_null()
    {
        var store = await NewStoreAsync();
        var profile = new SenderProfile { OwnerId = "bo", Email = "bo@school.example" };

        await store.SaveAsync(profile, CancellationToken.None);

        var read = await store.GetAsync("bo", CancellationToken.None);
        Assert.Equal(profile with { Window = read!.Window }, read);
        Assert.Equal(SendingWindow.Weekdays.Days, read.Window.Days);
        Assert.Null(await store.GetAsync("nobody", CancellationToken.None));
    }
}
