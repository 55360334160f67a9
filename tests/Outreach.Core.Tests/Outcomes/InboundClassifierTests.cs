using Outreach.Core.Outcomes;
using Outreach.Core.Tests.Outcomes.Support;

namespace Outreach.Core.Tests.Outcomes;

public sealed class InboundClassifierTests
{
    [Fact]
    public void Exchange_out_of_office_is_an_auto_reply()
    {
        var result = InboundClassifier.Classify(MailSamples.Parse(MailSamples.ExchangeOutOfOffice));

        Assert.Equal(InboundKind.AutoReply, result.Kind);
        Assert.Equal(
            ["header:Auto-Submitted", "subject:auto-reply-prefix", "header:X-Auto-Response-Suppress", "header:X-MS-Exchange-Inbox-Rules-Loop"],
            result.Signals);
    }

    [Fact]
    public void Gmail_vacation_responder_is_an_auto_reply_although_its_subject_looks_like_a_reply()
    {
        var result = InboundClassifier.Classify(MailSamples.Parse(MailSamples.GmailVacationResponder));

        Assert.Equal(InboundKind.AutoReply, result.Kind);
        Assert.Equal(["header:Auto-Submitted"], result.Signals);
    }

    [Fact]
    public void Rfc3834_auto_submitted_with_a_comment_and_precedence_bulk_is_an_auto_reply()
    {
        var result = InboundClassifier.Classify(MailSamples.Parse(MailSamples.Rfc3834Vacation));

        Assert.Equal(InboundKind.AutoReply, result.Kind);
        Assert.Equal(["header:Auto-Submitted", "header:Precedence"], result.Signals);
    }

    [Fact]
    public void German_abwesenheitsnotiz_in_an_encoded_subject_is_an_auto_reply()
    {
        var message = MailSamples.Parse(MailSamples.GermanAbwesenheitsnotiz);

        var result = InboundClassifier.Classify(message);

        Assert.Equal("Abwesenheitsnotiz: Danke für das Gespräch", message.Subject);
        Assert.Equal("Jürgen Müller", message.From!.DisplayName);
        Assert.Equal(InboundKind.AutoReply, result.Kind);
        Assert.Contains("subject:auto-reply-prefix", result.Signals);
    }

    [Fact]
    public void French_reponse_automatique_is_an_auto_reply()
    {
        var message = MailSamples.Parse(MailSamples.FrenchReponseAutomatique);

        Assert.Equal("Réponse automatique : Merci pour la visite", message.Subject);
        Assert.Equal(InboundKind.AutoReply, InboundClassifier.Classify(message).Kind);
    }

    [Theory]
    [InlineData("Respuesta automática: Gracias")]
    [InlineData("Fuori sede: Grazie")]
    [InlineData("Out of Office: Thanks")]
    [InlineData("AUTO: Thank you")]
    [InlineData("Reponse automatique : sans accent")]
    public void Auto_reply_subject_prefixes_in_several_languages_are_recognised(string subject)
    {
        var message = MailSamples.Parse($"From: a@b.example\nSubject: {subject}\n\nbody");

        Assert.Equal(InboundKind.AutoReply, InboundClassifier.Classify(message).Kind);
    }

    [Fact]
    public void A_human_reply_that_talks_about_being_out_of_office_is_a_reply()
    {
        var result = InboundClassifier.Classify(MailSamples.Parse(MailSamples.HumanReplyMentioningOutOfOffice));

        Assert.Equal(InboundKind.Reply, result.Kind);
        Assert.Empty(result.Signals);
    }

    [Fact]
    public void Auto_submitted_no_marks_a_human_message()
    {
        var message = MailSamples.Parse("From: a@b.example\nSubject: Re: coffee\nAuto-Submitted: no\n\nSure!");

        Assert.Equal(InboundKind.Reply, InboundClassifier.Classify(message).Kind);
    }

    [Fact]
    public void One_weak_signal_is_not_enough_but_two_are()
    {
        var oneWeak = MailSamples.Parse("From: a@b.example\nSubject: Re: coffee\nX-Auto-Response-Suppress: All\n\nSure!");
        var twoWeak = MailSamples.Parse("From: a@b.example\nSubject: Re: coffee - I am on vacation\nX-Auto-Response-Suppress: All\n\n...");

        Assert.Equal(InboundKind.Reply, InboundClassifier.Classify(oneWeak).Kind);
        Assert.Equal(
            new[] { "header:X-Auto-Response-Suppress", "subject:out-of-office-phrase" },
            InboundClassifier.Classify(twoWeak).Signals);
    }

    [Fact]
    public void A_read_receipt_report_is_an_auto_reply()
    {
        var message = MailSamples.Parse("From: a@b.example\nSubject: Read: Thank you\nContent-Type: multipart/report; report-type=disposition-notification; boundary=\"x\"\n\nRead.");

        Assert.Equal(InboundKind.AutoReply, InboundClassifier.Classify(message).Kind);
    }

    [Fact]
    public void A_bounce_is_a_bounce_even_though_it_is_auto_submitted()
    {
        var result = InboundClassifier.Classify(MailSamples.Parse(MailSamples.PostfixHardBounce));

        Assert.Equal(InboundKind.Bounce, result.Kind);
        Assert.Equal(["content-type:delivery-status", "from:mailer-daemon", "subject:bounce-prefix"], result.Signals);
    }
}
