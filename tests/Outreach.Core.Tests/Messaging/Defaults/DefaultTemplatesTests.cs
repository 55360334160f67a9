using Outreach.Core.Contacts;
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

    // A row as LinkedIn exports and class sheets really hold them: a name in capitals, no company, no event, notes over
    // several lines, and offers typed as sentences, two of them appended by two imports.
    private static readonly Contact Imported = new()
    {
        OwnerId = "o1",
        ContactId = "c1",
        FirstName = "PRIYA",
        LastName = "NATARAJAN",
        Notes = "Pricing experiments in subscription apps.\nAsked me to write again in May.\n---\nLikes trail running",
        Offer = "Happy to share my class notes.\n---\nSend you our class survey on how students choose subscriptions.",
    };

    private static readonly Uri Unsubscribe = new("https://app.example/api/unsubscribe/k1.abc.def");

    [Fact]
    public void A_thank_you_for_an_imported_contact_reads_as_one_person_writing_to_another()
    {
        var rendered = Renderer.Render(DefaultTemplates.For(TemplateKind.ThankYou), TemplateModel.ForContact(Imported, Minimal.Sender, Unsubscribe));

        Assert.Equal("Thank you for your time", rendered.Subject);
        Assert.Equal(
            "Hi Priya,\n\n"
                + "Thank you for talking with us. What you said about Pricing experiments in subscription apps stayed with me, and I have already started reading more about it.\n\n"
                + "As a small thank-you, I would be glad to send you our class survey on how students choose subscriptions.\n\n"
                + "If you have a minute, what is one thing you wish you had known when you were starting out?\n\n"
                + "With thanks,\nSam\n\n"
                + "To stop these notes: https://app.example/api/unsubscribe/k1.abc.def\n",
            rendered.Text);
        Assert.Contains("<p>As a small thank-you, I would be glad to send you our class survey on how students choose subscriptions.</p>", rendered.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TemplateKind.FollowUp, "In the meantime, I would be happy to send you our class survey on how students choose subscriptions.\n")]
    [InlineData(TemplateKind.GiveFirst, "\nI would be glad to send you our class survey on how students choose subscriptions; it is yours if it helps. No need")]
    [InlineData(TemplateKind.StayInTouch, "\nIf it is ever useful, I would still be glad to send you our class survey on how students choose subscriptions.\n")]
    public void An_offer_typed_as_a_sentence_sits_inside_the_template_sentence(TemplateKind kind, string sentence)
    {
        var rendered = Renderer.Render(DefaultTemplates.For(kind), TemplateModel.ForContact(Imported, Minimal.Sender, Unsubscribe));

        Assert.Contains(sentence, rendered.Text, StringComparison.Ordinal);
        Assert.StartsWith("Hi Priya,\n\n", rendered.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("..", rendered.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("---", rendered.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("happy to share", rendered.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Intro to our robotics club lead", "introduce you to our robotics club lead")]
    [InlineData("An introduction to Lee Chen at Fabrikam.", "introduce you to Lee Chen at Fabrikam")]
    [InlineData("Resume review", "offer resume review")]
    [InlineData("A referral for the spring internship", "offer a referral for the spring internship")]
    [InlineData("Happy to offer my class notes", "offer my class notes")]
    [InlineData("Coffee chat any time", "offer coffee chat any time")]
    [InlineData("Share my notebook on vehicle routing", "share my notebook on vehicle routing")]
    [InlineData("Review your CV", "review your CV")]
    [InlineData("Proofread your cover letter", "proofread your cover letter")]
    public void An_offer_typed_as_a_thing_is_offered_and_one_typed_as_a_deed_is_kept(string offer, string phrase)
    {
        var contact = Imported with { Offer = offer };

        var rendered = Renderer.Render(DefaultTemplates.For(TemplateKind.ThankYou), TemplateModel.ForContact(contact, Minimal.Sender, Unsubscribe));

        Assert.Contains($"As a small thank-you, I would be glad to {phrase}.\n", rendered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_introduction_of_people_typed_in_capitals_with_a_reason_typed_as_a_sentence_reads_naturally()
    {
        var model = Minimal with
        {
            PersonA = new PersonDetails { FirstName = "JEAN-LUC", LastName = "O'NEIL" },
            PersonB = new PersonDetails { FirstName = "DR. AMARA", LastName = "OKAFOR", Position = "Head of Data" },
            Reason = "Because You both care about\nhow students pick subscriptions.",
        };

        var rendered = Renderer.Render(DefaultTemplates.For(TemplateKind.Intro), model);

        Assert.Equal("An introduction: Jean-Luc O'Neil and Dr. Amara Okafor", rendered.Subject);
        Assert.StartsWith(
            "Hi Jean-Luc and Dr. Amara,\n\nAs promised, I am connecting you two, with both your blessings. Dr. Amara Okafor (Head of Data), meet Jean-Luc O'Neil. "
                + "I think you should talk because you both care about how students pick subscriptions.\n\n",
            rendered.Text,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("JANE", "SMITH", "Jane|Smith|Jane Smith")]
    [InlineData("JP", "MORGAN-LEE", "JP|Morgan-Lee|JP Morgan-Lee")]
    [InlineData("DR. AMARA", "O'NEIL JR.", "Dr. Amara|O'Neil Jr.|Dr. Amara O'Neil Jr.")]
    [InlineData("Jean", "DUPONT", "Jean|DUPONT|Jean DUPONT")]
    [InlineData("Ryan", "McDonald", "Ryan|McDonald|Ryan McDonald")]
    [InlineData("ZOË", "ÅNGSTRÖM", "Zoë|Ångström|Zoë Ångström")]
    [InlineData("明", "王", "明|王|明 王")]
    public void A_name_typed_all_in_capitals_prints_with_ordinary_capitals_and_any_other_as_written(string first, string last, string expected)
    {
        var template = new MessageTemplate("names", "Names", TemplateKind.ThankYou, "Hi", "{{firstName}}|{{lastName}}|{{fullName}}", "<p>x</p>");

        var rendered = Renderer.Render(template, Minimal with { Recipient = new PersonDetails { FirstName = first, LastName = last } });

        Assert.Equal(expected, rendered.Text);
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
