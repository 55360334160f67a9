using Outreach.Core.Contacts;
using Outreach.Core.Messaging.Templates;

namespace Outreach.Core.Tests.Messaging.Templates;

public sealed class MessageStatsTests
{
    [Fact]
    public void Counts_words_and_questions_but_not_links()
    {
        var message = new RenderedMessage("s", "Hi Ann,\n\nHow are you? Is it going well?? — thanks!\nStop: https://app.example/u?x=1 mailto:u@example.org?subject=x", "h");

        var stats = MessageStats.From(message, null);

        Assert.Equal(new MessageStats(WordCount: 11, QuestionCount: 2, PersonalNoteChars: 0), stats);
    }

    [Fact]
    public void Personal_note_counts_only_when_the_message_contains_it()
    {
        var message = new RenderedMessage("s", "What you said about pricing experiments stayed with me.", "h");

        Assert.Equal(19, MessageStats.From(message, " pricing experiments ").PersonalNoteChars);
        Assert.Equal(0, MessageStats.From(message, "hiring in fintech").PersonalNoteChars);
    }

    [Fact]
    public void Full_width_question_marks_count()
    {
        Assert.Equal(1, MessageStats.From(new RenderedMessage("s", "お元気ですか？", "h"), null).QuestionCount);
    }

    [Fact]
    public void A_contacts_personal_note_is_the_longest_of_their_notes_topic_and_the_introductions_reason_that_the_message_carries()
    {
        var contact = new Contact { OwnerId = "o", ContactId = "c", Notes = "pricing experiments\nwants an intro to a PM" };
        var thankYou = new RenderedMessage("s", "What you said about pricing experiments stayed with me.", "h");
        var introduction = new RenderedMessage("s", "You both work on B2B pricing at scale, so I thought you should meet.", "h");

        Assert.Equal(19, MessageStats.Measure(thankYou, contact).PersonalNoteChars);
        Assert.Equal(28, MessageStats.Measure(introduction, contact, "work on B2B pricing at scale").PersonalNoteChars);
        Assert.Equal(0, MessageStats.Measure(introduction, contact).PersonalNoteChars);
    }

    [Fact]
    public void A_message_offers_help_only_when_it_carries_the_contacts_offer()
    {
        var contact = new Contact { OwnerId = "o", ContactId = "c", Offer = " send you our class survey on fintech hiring " };
        var withOffer = new RenderedMessage("s", "Happy to send you our class survey on fintech hiring if useful.", "h");
        var without = new RenderedMessage("s", "Thank you for visiting our class.", "h");

        Assert.True(MessageStats.Measure(withOffer, contact).OffersHelp);
        Assert.False(MessageStats.Measure(without, contact).OffersHelp);
        Assert.False(MessageStats.Measure(withOffer, contact with { Offer = null }).OffersHelp);
        Assert.Null(MessageStats.From(withOffer, null).OffersHelp);
    }
}
