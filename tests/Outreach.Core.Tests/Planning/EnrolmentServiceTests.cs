using Outreach.Core.Campaigns;
using Outreach.Core.Planning;
using Outreach.Core.Senders;

namespace Outreach.Core.Tests.Planning;

public sealed class EnrolmentServiceTests
{
    private readonly InMemorySenderProfileStore _profiles = new();
    private readonly InMemorySuppressionStore _suppressions = new();
    private readonly InMemoryTaskStore _tasks = new();
    private readonly InMemoryDueIndex _index = new();
    private readonly EnrolmentService _service;

    public EnrolmentServiceTests() =>
        _service = new EnrolmentService(_profiles, _suppressions, _tasks, _index, Given.ClockAt("2026-03-03T12:00:00Z"));

    [Fact]
    public async Task Enrolling_plans_every_step_and_enrolling_again_adds_nothing()
    {
        await _profiles.SaveAsync(new SenderProfile { OwnerId = "student-1", Email = "me@school.example", TimeZoneId = "Europe/London" }, CancellationToken.None);
        await _suppressions.AddAsync(SuppressionEntry.ForContact("student-1", "c3", "unsubscribed", Given.Utc("2026-03-01T00:00:00Z")), CancellationToken.None);
        var contacts = new[]
        {
            Given.Contact("c1", Given.Date(2026, 3, 3), "c1@example.org"),
            Given.Contact("c2", Given.Date(2026, 3, 3), "c2@example.org"),
            Given.Contact("c3", Given.Date(2026, 3, 3), "c3@example.org"),
            Given.Contact("c1", Given.Date(2026, 3, 3), "c1@example.org"),
        };
        var campaign = DefaultCampaigns.ClassVisitFollowUp("student-1");

        var first = await _service.EnrolAsync("student-1", campaign, contacts, CancellationToken.None);
        var second = await _service.EnrolAsync("student-1", campaign, contacts, CancellationToken.None);

        Assert.Equal((3, 6, 0), (first.Contacts, first.Planned, first.AlreadyEnrolled));
        Assert.Equal(new Dictionary<string, int> { [SkipReasons.Suppressed] = 3 }, first.SkippedByReason);
        Assert.Equal((3, 0, 9), (second.Contacts, second.Planned, second.AlreadyEnrolled));
        Assert.Empty(second.SkippedByReason);
        Assert.Equal(9, _tasks.Count);
        Assert.Equal(6, _index.Count);
        var thankYou = await _tasks.FindAsync("student-1", TaskIds.ForCampaignStep("student-1", campaign.CampaignId, "c1", "thank-you"), CancellationToken.None);
        Assert.Equal(Given.Utc("2026-03-04T09:00:00Z"), thankYou!.DueUtc);
    }

    [Fact]
    public async Task Enrolling_without_a_sender_profile_is_refused_before_anything_is_written()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            _service.EnrolAsync("student-1", DefaultCampaigns.ClassVisitFollowUp("student-1"), [Given.Contact("c1", email: "c1@example.org")], CancellationToken.None));

        Assert.Equal(("enrolment.no-sender-profile", "ownerId"), (error.Code, error.Target));
        Assert.Equal(0, _tasks.Count);
    }

    [Fact]
    public async Task Enrolling_another_owners_contact_is_refused()
    {
        await _profiles.SaveAsync(new SenderProfile { OwnerId = "student-1", Email = "me@school.example" }, CancellationToken.None);

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            _service.EnrolAsync("student-1", DefaultCampaigns.ClassVisitFollowUp("student-1"), [Given.Contact("c9", owner: "student-2")], CancellationToken.None));

        Assert.Equal(("enrolment.foreign-contact", "contacts"), (error.Code, error.Target));
        Assert.Equal(0, _tasks.Count);
    }
}
