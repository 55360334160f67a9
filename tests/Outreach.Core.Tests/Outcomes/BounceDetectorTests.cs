using Outreach.Core.Outcomes;
using Outreach.Core.Tests.Outcomes.Support;

namespace Outreach.Core.Tests.Outcomes;

public sealed class BounceDetectorTests
{
    [Fact]
    public void Postfix_dsn_is_a_hard_bounce_with_recipient_status_and_original_message_id()
    {
        var report = BounceDetector.Read(MailSamples.Parse(MailSamples.PostfixHardBounce));

        // Original-Recipient (what we sent to) comes before Final-Recipient; both are the same key here.
        Assert.Equal(["jane.doe@contoso.com"], report.FailedRecipients);
        Assert.Equal(BounceSeverity.Hard, report.Severity);
        Assert.Equal("5.1.1", report.StatusCode);
        Assert.Equal(MailSamples.SentId, report.OriginalMessageId);
    }

    [Fact]
    public void Postfix_bounce_with_only_the_human_readable_part_still_yields_recipient_and_status()
    {

        var report = BounceDetector.Read(MailSamples.Parse(MailSamples.PostfixHardBounceHumanPartOnly));

        Assert.Equal(["jane.doe@contoso.com"], report.FailedRecipients);
        Assert.Equal("5.1.1", report.StatusCode);
        Assert.Null(report.OriginalMessageId);
    }

    [Fact]
    public void Exchange_ndr_is_recognised_and_read()
    {
        var message = MailSamples.Parse(MailSamples.ExchangeNdr);

        var report = BounceDetector.Read(message);

        Assert.Equal(["content-type:delivery-status", "from:mailer-daemon", "subject:bounce-prefix"], BounceDetector.Signals(message));
        Assert.Equal(["former.employee@contoso.com"], report.FailedRecipients);
        Assert.Equal(BounceSeverity.Hard, report.Severity);
        Assert.Equal("5.1.10", report.StatusCode);
        Assert.Equal(MailSamples.SentId, report.OriginalMessageId);
    }

    [Theory]
    [InlineData("Your message to jane.doe@contoso.com couldn't be delivered.\nStatus code: 550 5.1.10\n")]
    [InlineData("Original Message Details\nSender Address: sam@student.example\nRecipient Address:      jane.doe@contoso.com\nStatus code: 550 5.1.10\n")]
    public void Exchange_online_ndr_naming_the_address_only_in_prose_yields_it(string text)
    {
        var report = BounceDetector.Read(MailSamples.Parse("From: postmaster@contoso.onmicrosoft.com\nSubject: Undeliverable: hi\n\n" + text));

        Assert.Equal(["jane.doe@contoso.com"], report.FailedRecipients);
        Assert.Equal(BounceSeverity.Hard, report.Severity);
    }

    [Fact]
    public void Exchange_online_ndr_is_read()
    {
        var report = BounceDetector.Read(MailSamples.Parse(MailSamples.ExchangeOnlineNdr));

        Assert.Equal(["jane.doe@contoso.com"], report.FailedRecipients);
        Assert.Equal((BounceSeverity.Hard, "5.1.10", MailSamples.SentId), (report.Severity, report.StatusCode, report.OriginalMessageId));
    }

    [Fact]
    public void Gmail_mailer_daemon_uses_x_failed_recipients_and_threads_onto_the_original()
    {
        var message = MailSamples.Parse(MailSamples.GmailMailerDaemon);

        var report = BounceDetector.Read(message);

        Assert.Equal(["content-type:delivery-status", "header:X-Failed-Recipients", "from:mailer-daemon", "subject:bounce-prefix"], BounceDetector.Signals(message));
        Assert.Equal(["no.such.user@gmail.com"], report.FailedRecipients);
        Assert.Equal(BounceSeverity.Hard, report.Severity);
        Assert.Equal("5.1.1", report.StatusCode);
        Assert.Equal(MailSamples.SentId, report.OriginalMessageId);
    }

    [Fact]
    public void A_4_2_2_mailbox_full_delay_is_a_soft_bounce()
    {
        var report = BounceDetector.Read(MailSamples.Parse(MailSamples.GmailMailboxFullDelay));

        Assert.Equal(BounceSeverity.Soft, report.Severity);
        Assert.Equal("4.2.2", report.StatusCode);
        Assert.Equal(["full.box@example.org"], report.FailedRecipients);
    }

    [Fact]
    public void Gmail_text_without_structured_fields_still_names_the_recipient()
    {
        var message = MailSamples.Parse("From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\nSubject: Delivery Status Notification (Failure)\n\nYour message wasn't delivered to Lost.Person@example.net because the address couldn't be found.\n550 5.1.1 gsmtp");

        Assert.Equal(["lost.person@example.net"], BounceDetector.Read(message).FailedRecipients);
    }

    [Fact]
    public void A_5_7_x_dmarc_rejection_is_a_policy_refusal_not_a_dead_address()
    {
        var report = BounceDetector.Read(MailSamples.Parse(MailSamples.GmailDmarcRejection));

        Assert.Equal((BounceSeverity.Policy, "5.7.26"), (report.Severity, report.StatusCode));
        Assert.Equal(["jane.doe@gmail.com"], report.FailedRecipients);
    }

    [Theory]
    [InlineData("550 5.7.1 Service unavailable; client host [203.0.113.9] blocked using Spamhaus", "5.7.1")]
    [InlineData("550 5.7.606 Access denied, banned sending IP [203.0.113.9]", "5.7.606")]
    [InlineData("553 5.1.8 <sam@student.example>: Sender address rejected: Domain not found", "5.1.8")]
    [InlineData("501 5.1.7 Bad sender address syntax", "5.1.7")]
    public void Enhanced_codes_that_rfc_3463_puts_on_the_sender_are_policy_refusals(string prose, string code)
    {
        var message = MailSamples.Parse($"From: MAILER-DAEMON@x.example\nSubject: Undelivered Mail Returned to Sender\n\n<jane@y.example>: host mx.y.example said: {prose}\n");

        Assert.Equal((BounceSeverity.Policy, code), (BounceDetector.Read(message).Severity, BounceDetector.Read(message).StatusCode));
    }

    [Theory]
    [InlineData("550 5.1.1 User unknown", "5.1.1")]
    [InlineData("550 5.2.1 Mailbox disabled", "5.2.1")]
    [InlineData("550 5.1.6 Mailbox has moved", "5.1.6")]
    public void Enhanced_codes_about_the_recipients_address_stay_hard(string prose, string code)
    {
        var message = MailSamples.Parse($"From: MAILER-DAEMON@x.example\nSubject: Undelivered Mail Returned to Sender\n\n<jane@y.example>: host mx.y.example said: {prose}\n");

        Assert.Equal((BounceSeverity.Hard, code), (BounceDetector.Read(message).Severity, BounceDetector.Read(message).StatusCode));
    }

    [Fact]
    public void A_bounce_without_any_status_code_is_soft_so_no_address_is_suppressed_on_a_guess()
    {
        var message = MailSamples.Parse("From: postmaster@x.example\nSubject: Undeliverable: hello\n\nSomething went wrong.");

        var report = BounceDetector.Read(message);

        Assert.Equal(BounceSeverity.Soft, report.Severity);
        Assert.Null(report.StatusCode);
        Assert.Empty(report.FailedRecipients);
    }

    [Fact]
    public void A_basic_smtp_550_without_an_enhanced_code_is_hard()
    {
        var message = MailSamples.Parse("From: MAILER-DAEMON@x.example\nSubject: Mail delivery failed: returning message to sender\nX-Failed-Recipients: gone@y.example\n\nSMTP error from remote mail server after RCPT TO:<gone@y.example>:\n550 No such user here");

        var report = BounceDetector.Read(message);

        Assert.Equal(BounceSeverity.Hard, report.Severity);
        Assert.Equal("550", report.StatusCode);
    }

    [Fact]
    public void A_normal_reply_is_not_a_bounce_even_if_it_quotes_an_ip_like_number()
    {
        var message = MailSamples.Parse(MailSamples.HumanReplyMentioningOutOfOffice);

        Assert.Empty(BounceDetector.Signals(message));
    }
}
