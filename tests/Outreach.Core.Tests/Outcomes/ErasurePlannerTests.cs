using Outreach.Core.Contacts;
using Outreach.Core.Outcomes;

namespace Outreach.Core.Tests.Outcomes;

public sealed class ErasurePlannerTests
{
    private static readonly Contact Ada = new()
    {
        OwnerId = "owner-sam",
        ContactId = "contact-ada",
        FirstName = "Ada",
        LastName = "Lovelace",
        Email = " Ada@Example.org ",
        LinkedInUrl = "https://www.linkedin.com/in/ada",
        Source = new ContactSource("import-7", "Connections.csv", 12),
    };

    private static readonly ErasureRequest Request = new()
    {
        Contact = Ada,
        Tasks =
        [
            new ErasureTask("task-1", new DateOnly(2026, 3, 2), "thank-you", "tpl-thanks"),
            new ErasureTask("task-2", new DateOnly(2026, 3, 9), "follow-up", "tpl-follow"),
            new ErasureTask("task-3", null, "stay-in-touch", "tpl-stay"),
        ],
        Outcomes =
        [
            new Outcome { OwnerId = "owner-sam", ContactId = "contact-ada", TaskId = "task-2", Type = OutcomeType.Replied, OccurredAt = new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.Zero), Source = OutcomeSource.Inbound, DedupeKey = "mid:r1@example.org" },
        ],
        InboundMessageKeys = ["mid:r1@example.org"],
    };

    [Fact]
    public void Plans_every_deletion_with_the_contact_last()
    {
        var plan = ErasurePlanner.Plan(Request);

        Assert.Equal(
            [
                new ErasureStep(ErasureTarget.Task, ErasureMode.Delete, "task-1"),
                new ErasureStep(ErasureTarget.Task, ErasureMode.Delete, "task-2"),
                new ErasureStep(ErasureTarget.Task, ErasureMode.Delete, "task-3"),
                new ErasureStep(ErasureTarget.Outcome, ErasureMode.Delete, "mid:r1@example.org"),
                new ErasureStep(ErasureTarget.InboundMessage, ErasureMode.Delete, "mid:r1@example.org"),
                new ErasureStep(ErasureTarget.BlobPrefix, ErasureMode.Delete, "inbound-mail/owner-sam/contact-ada/"),
                new ErasureStep(ErasureTarget.BlobPrefix, ErasureMode.Delete, "rendered-mail/owner-sam/contact-ada/"),
                new ErasureStep(ErasureTarget.ImportRow, ErasureMode.Redact, "import-7", "12"),
                new ErasureStep(ErasureTarget.Suppression, ErasureMode.ReplaceWithHash, DedupeKeys.Sha256Hex("ada@example.org")),
                new ErasureStep(ErasureTarget.Contact, ErasureMode.Delete, "contact-ada"),
            ],
            plan.Steps);
    }

    [Fact]
    public void Keeps_anonymous_counters_per_day_step_and_template_for_sent_tasks_only()
    {
        var plan = ErasurePlanner.Plan(Request);

        Assert.Equal(
            [
                new RetainedCounter("owner-sam", new DateOnly(2026, 3, 2), "thank-you", "tpl-thanks", Sent: 1, Responded: 0, Bounced: 0),
                new RetainedCounter("owner-sam", new DateOnly(2026, 3, 9), "follow-up", "tpl-follow", Sent: 1, Responded: 1, Bounced: 0),
            ],
            plan.RetainedCounters);
    }

    [Theory]
    [InlineData("{\"to\":\"ada@example.org\"}", PersonalDataKind.Email)]
    [InlineData("Dear ADA LOVELACE,", PersonalDataKind.Name)]
    [InlineData("see http://linkedin.com/in/ada", PersonalDataKind.LinkedInUrl)]
    [InlineData("Ada from the meetup said hi", null)]
    [InlineData("counts: owner-sam 2026-03-02 thank-you 1", null)]
    public void Finds_the_contacts_identifying_values_in_a_scanned_text(string text, PersonalDataKind? expected)
    {
        Assert.Equal(expected, ErasurePlanner.Plan(Request).FindPersonalData(text));
    }

    [Fact]
    public void Nothing_in_the_retained_counters_is_personal_data()
    {
        var plan = ErasurePlanner.Plan(Request);

        Assert.All(plan.RetainedCounters, c => Assert.Null(plan.FindPersonalData(c.ToString())));
        Assert.Null(plan.FindPersonalData(plan.SuppressionHash));
    }

    [Fact]
    public void A_contact_without_email_or_source_has_no_suppression_or_import_step()
    {
        var plan = ErasurePlanner.Plan(Request with { Contact = Ada with { Email = null, Source = null } });

        Assert.Null(plan.SuppressionHash);
        Assert.DoesNotContain(plan.Steps, s => s.Target is ErasureTarget.Suppression or ErasureTarget.ImportRow);
    }
}
