using Outreach.Core.Messaging.Defaults;
using Outreach.Core.Messaging.Templates;
using Outreach.Testing.LocalServices;

namespace Outreach.Core.Tests.Messaging.Defaults;

public sealed class DefaultTemplatesTests
{
    private static readonly TemplateRenderer Renderer = new();

    private static readonly TemplateModel Full = new()
    {
        Recipient = new PersonDetails { FirstName = "Priya", LastName = "Natarajan", Company = "Northwind Analytics", Position = "Director of Insights" },
        Topic = "pricing experiments in subscription apps",
        Notes = "pricing experiments in subscription apps",
        Offer = "send you our class survey on how students choose subscriptions",
        UnsubscribeUrl = new Uri("https://app.example/api/unsubscribe/k1.abc.def"),
        Sender = new SenderDetails { FirstName = "Sam", LastName = "Ortiz", Program = "MS in Marketing Intelligence" },
        Event = new MeetingDetails("the Fordham class visit", new DateOnly(2026, 3, 2)),
        PersonA = new PersonDetails
        {
            FirstName = "Sam", LastName = "Ortiz", Position = "MS student", Company = "Fordham", Event = new MeetingDetails("the marketing seminar", new DateOnly(2026, 1, 20)),
        },
        PersonB = new PersonDetails
        {
            FirstName = "Priya", LastName = "Natarajan", Position = "Director of Insights", Company = "Northwind Analytics",
            Event = new MeetingDetails("the Fordham class visit", new DateOnly(2026, 3, 2)),
        },
        Reason = "you both care about how students pick subscriptions",
    };

    private static readonly TemplateModel Minimal = new() { Sender = new SenderDetails { FirstName = "Sam" } };

    public static TheoryData<TemplateKind> Kinds => [.. Enum.GetValues<TemplateKind>()];

    [Fact]
    public void Every_kind_has_exactly_one_shipped_template()
    {
        Assert.Equal(Enum.GetValues<TemplateKind>().Order(), DefaultTemplates.All.Select(t => t.Kind).Order());
        Assert.Equal(["default-thank_you", "default-follow_up", "default-give_first", "default-stay_in_touch"], DefaultTemplates.ClassVisitFollowUp.Select(t => t.Id));
        Assert.Equal(["default-intro_ask", "default-intro", "default-nudge"], DefaultTemplates.Introductions.Select(t => t.Id));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Shipped_template_is_short_and_asks_one_question_with_or_without_details(TemplateKind kind)
    {
        foreach (var model in new[] { Full, Minimal })
        {
            var rendered = Renderer.Render(DefaultTemplates.For(kind), model);
            var stats = MessageStats.From(rendered, model.Topic);

            Assert.InRange(stats.WordCount, 50, 125);
            Assert.Equal(1, stats.QuestionCount);
            Assert.DoesNotContain("{{", rendered.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("  ", rendered.Subject, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(TemplateKind.ThankYou)]
    [InlineData(TemplateKind.FollowUp)]
    [InlineData(TemplateKind.GiveFirst)]
    [InlineData(TemplateKind.StayInTouch)]
    public void Campaign_notes_use_the_topic_and_the_offer_when_known(TemplateKind kind)
    {
        var rendered = Renderer.Render(DefaultTemplates.For(kind), Full);

        Assert.Contains("pricing experiments in subscription apps", rendered.Text, StringComparison.Ordinal);
        Assert.Contains(Full.Offer!, rendered.Text, StringComparison.Ordinal);
        Assert.Contains(Full.Offer!, rendered.Html, StringComparison.Ordinal);
        Assert.StartsWith("Hi Priya,", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("To stop these notes: https://app.example/api/unsubscribe/k1.abc.def", rendered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Introduction_names_both_people_and_the_reason()
    {
        var rendered = Renderer.Render(DefaultTemplates.For(TemplateKind.Intro), Full);

        Assert.Equal("An introduction: Sam Ortiz and Priya Natarajan", rendered.Subject);
        Assert.StartsWith("Hi Sam and Priya,", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("Priya Natarajan (Director of Insights, Northwind Analytics), meet Sam Ortiz (MS student, Fordham).", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("because you both care about how students pick subscriptions.", rendered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Introduction_and_consent_ask_say_where_the_introducer_met_each_person()
    {
        var introduction = Renderer.Render(DefaultTemplates.For(TemplateKind.Intro), Full);
        var ask = Renderer.Render(DefaultTemplates.For(TemplateKind.IntroAsk), Full);

        Assert.Contains("I met Priya at the Fordham class visit on March 2. I met Sam at the marketing seminar on January 20.", introduction.Text, StringComparison.Ordinal);
        Assert.Contains("I met Priya at the Fordham class visit on March 2.", introduction.Html, StringComparison.Ordinal);
        Assert.Contains("at Fordham. I met Sam at the marketing seminar on January 20. I think you two", ask.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("I met", Renderer.Render(DefaultTemplates.For(TemplateKind.Intro), Minimal).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Nudge_reminds_A_to_follow_up_with_B_rather_than_asking_about_meeting_A()
    {
        var nudge = Renderer.Render(DefaultTemplates.For(TemplateKind.Nudge), Full with { Recipient = Full.PersonA! });

        Assert.Equal("A gentle nudge about meeting Priya Natarajan", nudge.Subject);
        Assert.StartsWith("Hi Sam,", nudge.Text, StringComparison.Ordinal);
        Assert.Contains("my introduction to Priya Natarajan.", nudge.Text, StringComparison.Ordinal);
        Assert.Contains("Could you reply to Priya on my introduction email", nudge.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("meeting Sam", nudge.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_details_the_notes_fall_back_to_warm_generic_wording()
    {
        var rendered = Renderer.Render(DefaultTemplates.For(TemplateKind.ThankYou), Minimal);

        Assert.Equal("Thank you for your time", rendered.Subject);
        Assert.StartsWith("Hi there,\n\nThank you for talking with us. Hearing how you built your career is the part I keep coming back to.", rendered.Text, StringComparison.Ordinal);
        Assert.EndsWith("With thanks,\nSam\n", rendered.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_shipped_template_passes_the_checks_a_saved_template_must_pass(TemplateKind kind)
    {
        Assert.Empty(TemplateValidator.FindProblemsBeforeSaving(DefaultTemplates.For(kind)));
    }

    [Fact]
    public void Samples_folder_holds_identical_copies_of_the_shipped_templates()
    {
        var defaults = Path.Combine(RepositoryRoot.Path, "core", "Outreach.Core", "Messaging", "Defaults");
        var samples = Path.Combine(RepositoryRoot.Path, "samples", "templates");
        var shipped = Directory.GetFiles(defaults, "*.template").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(7, shipped.Count);
        Assert.Equal(shipped, Directory.GetFiles(samples, "*.template").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in shipped)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(defaults, file!)), File.ReadAllText(Path.Combine(samples, file!)));
        }
    }

    [Fact]
    public void Template_file_without_sections_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => TemplateFile.Parse("x", "name: X\nkind: nudge\nsubject: S\n"));

        Assert.Equal("template-file.syntax", error.Code);
    }

    [Fact]
    public void Template_file_with_an_unknown_kind_is_refused_naming_the_kind()
    {
        var error = Assert.Throws<DomainException>(() => TemplateFile.Parse("x", "name: X\nkind: thanks\nsubject: S\n--- text\nt\n--- html\nh"));

        Assert.Equal("kind", error.Target);
        Assert.StartsWith("'thanks' is not a template kind", error.Message, StringComparison.Ordinal);
    }
}
