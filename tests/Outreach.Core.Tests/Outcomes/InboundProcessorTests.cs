using Outreach.Core.Outcomes;
using Outreach.Core.Tests.Outcomes.Support;
using Outreach.Testing.Time;

namespace Outreach.Core.Tests.Outcomes;

public sealed class InboundProcessorTests
{
    private static readonly SentMessageRef ThankYou = new("owner-sam", "task-thanks", "contact-jane");

    private readonly InMemorySentMessageIndex _sent = new();
    private readonly InMemoryReplyTokenDecoder _tokens = new();
    private readonly InMemoryOpenSequenceIndex _open = new();
    private readonly InMemoryInboundLedger _ledger = new();
    private readonly InboundProcessor _processor;

    public InboundProcessorTests()
    {
        var parser = new InboundPayloadParser(new ManualTimeProvider(InboundPayloads.ReceivedAt));
        _processor = new InboundProcessor(parser, new ReplyMatcher(_sent, _tokens, _open), _ledger);
        _sent.Add(MailSamples.SentId, ThankYou);
    }

    [Fact]
    public async Task A_reply_records_replied_and_stops_the_contacts_pending_steps()
    {
        var result = await _processor.ProcessJsonAsync(InboundPayloads.Canonical, CancellationToken.None);

        Assert.Equal(InboundProcessingStatus.Matched, result.Status);
        Assert.Equal("mid:CAJ1x=reply-42@mail.contoso.com", result.DedupeKey);
        Assert.Equal(
            new Outcome
            {
                OwnerId = "owner-sam",
                ContactId = "contact-jane",
                TaskId = "task-thanks",
                Type = OutcomeType.Replied,
                OccurredAt = InboundPayloads.ReceivedAt,
                Source = OutcomeSource.Inbound,
                DedupeKey = "mid:CAJ1x=reply-42@mail.contoso.com",
            },
            Assert.Single(result.Outcomes));
        Assert.Equal([new StopPendingSteps("owner-sam", "contact-jane", OutcomeType.Replied)], result.Actions);
    }

    [Fact]
    public async Task Repeated_webhook_deliveries_are_processed_once_whatever_service_sent_them()
    {
        var first = await _processor.ProcessFormAsync(InboundPayloads.Mailgun(), CancellationToken.None);
        var retry = await _processor.ProcessFormAsync(InboundPayloads.Mailgun(), CancellationToken.None);
        var sameMessageOtherService = await _processor.ProcessJsonAsync(InboundPayloads.Postmark, CancellationToken.None);

        Assert.Equal(InboundProcessingStatus.Matched, first.Status);
        Assert.Equal(InboundProcessingStatus.AlreadyProcessed, retry.Status);
        Assert.Equal(InboundProcessingStatus.AlreadyProcessed, sameMessageOtherService.Status);
        Assert.Empty(retry.Outcomes);
        Assert.Empty(retry.Actions);
        Assert.Equal(1, _ledger.Count);
    }

    [Fact]
    public async Task Without_a_message_id_a_redelivery_is_recognised_by_its_content_hash()
    {
        const string json = """{"from":"jane.doe@contoso.com","to":"sam@student.example","subject":"Re: Thanks","inReplyTo":"<0102018e1a2b3c4d-abc@student.example>","text":"See you!","headers":{"Date":"Mon, 2 Mar 2026 10:14:58 +0000"}}""";

        var first = await _processor.ProcessJsonAsync(json, CancellationToken.None);
        var retry = await _processor.ProcessJsonAsync(json, CancellationToken.None);

        Assert.StartsWith("sha256:", first.DedupeKey, StringComparison.Ordinal);
        Assert.Equal(InboundProcessingStatus.Matched, first.Status);
        Assert.Equal(InboundProcessingStatus.AlreadyProcessed, retry.Status);
        Assert.Equal(first.DedupeKey, retry.DedupeKey);
    }

    [Fact]
    public async Task An_out_of_office_is_recorded_but_stops_nothing()
    {
        var result = await _processor.ProcessAsync(MailSamples.Parse(MailSamples.ExchangeOutOfOffice), CancellationToken.None);

        Assert.Equal(InboundProcessingStatus.Matched, result.Status);
        Assert.Equal(OutcomeType.AutoReplied, Assert.Single(result.Outcomes).Type);
        Assert.Empty(result.Actions);
    }

    [Fact]
    public async Task A_hard_bounce_stops_the_sequence_and_suppresses_the_failed_address()
    {
        var result = await _processor.ProcessAsync(MailSamples.Parse(MailSamples.PostfixHardBounce), CancellationToken.None);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal((OutcomeType.Bounced, BounceSeverity.Hard, "task-thanks"), (outcome.Type, outcome.BounceSeverity, outcome.TaskId));
        Assert.Equal(
            [
                new StopPendingSteps("owner-sam", "contact-jane", OutcomeType.Bounced),
                new SuppressAddress("jane.doe@contoso.com", "owner-sam", OutcomeType.Bounced),
            ],
            result.Actions);
    }

    [Fact]
    public async Task A_matched_hard_bounce_suppresses_the_address_even_when_the_ndr_names_it_only_in_prose()
    {
        var result = await _processor.ProcessAsync(MailSamples.Parse(MailSamples.ExchangeOnlineNdr), CancellationToken.None);

        Assert.Equal((InboundProcessingStatus.Matched, BounceSeverity.Hard), (result.Status, result.Classification!.Bounce!.Severity));
        Assert.Equal(
            [
                new StopPendingSteps("owner-sam", "contact-jane", OutcomeType.Bounced),
                new SuppressAddress("jane.doe@contoso.com", "owner-sam", OutcomeType.Bounced),
            ],
            result.Actions);
    }

    [Fact]
    public async Task A_matched_hard_bounce_naming_no_readable_address_suppresses_the_contacts_address()
    {
        var message = MailSamples.Parse($"From: postmaster@x.example\nSubject: Undeliverable: hi\nIn-Reply-To: <{MailSamples.SentId}>\n\nThe recipient's mailbox is unavailable. 550 5.1.1\n");

        var result = await _processor.ProcessAsync(message, CancellationToken.None);

        Assert.Equal(
            [
                new StopPendingSteps("owner-sam", "contact-jane", OutcomeType.Bounced),
                new SuppressContactAddress("owner-sam", "contact-jane", OutcomeType.Bounced),
            ],
            result.Actions);
    }

    [Fact]
    public async Task A_soft_bounce_is_recorded_only()
    {
        var result = await _processor.ProcessAsync(MailSamples.Parse(MailSamples.GmailMailboxFullDelay), CancellationToken.None);

        Assert.Equal(BounceSeverity.Soft, Assert.Single(result.Outcomes).BounceSeverity);
        Assert.Empty(result.Actions);
    }

    [Fact]
    public async Task A_policy_refusal_is_recorded_but_neither_stops_the_sequence_nor_suppresses_the_address()
    {
        var result = await _processor.ProcessAsync(MailSamples.Parse(MailSamples.GmailDmarcRejection), CancellationToken.None);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal((OutcomeType.Bounced, BounceSeverity.Policy, false), (outcome.Type, outcome.BounceSeverity, outcome.StopsSequence));
        Assert.Empty(result.Actions);
    }

    [Fact]
    public async Task An_unmatched_policy_refusal_suppresses_nobodys_address()
    {
        var message = MailSamples.Parse("From: postmaster@x.example\nSubject: Undeliverable: hi\nMessage-ID: <ndr-2@x.example>\n\nFinal-Recipient: rfc822; fine@x.example\nStatus: 5.7.1\n");

        var result = await _processor.ProcessAsync(message, CancellationToken.None);

        Assert.Equal(InboundProcessingStatus.Unmatched, result.Status);
        Assert.Equal([new RecordUnmatched("mid:ndr-2@x.example", InboundKind.Bounce, UnmatchedReason.NoCandidate)], result.Actions);
    }

    [Fact]
    public async Task An_unmatched_hard_bounce_still_suppresses_the_dead_address_for_everyone()
    {
        var message = MailSamples.Parse("From: postmaster@x.example\nSubject: Undeliverable: hi\nMessage-ID: <ndr-1@x.example>\n\nFinal-Recipient: rfc822; gone@x.example\nStatus: 5.1.1\n");

        var result = await _processor.ProcessAsync(message, CancellationToken.None);

        Assert.Equal(InboundProcessingStatus.Unmatched, result.Status);
        Assert.Empty(result.Outcomes);
        Assert.Equal(
            [
                new RecordUnmatched("mid:ndr-1@x.example", InboundKind.Bounce, UnmatchedReason.NoCandidate),
                new SuppressAddress("gone@x.example", null, OutcomeType.Bounced),
            ],
            result.Actions);
    }

    [Fact]
    public async Task An_ambiguous_sender_is_recorded_as_unmatched_with_the_reason()
    {
        _open.Open("jane.doe@contoso.com", new OpenSequence("owner-sam", "contact-jane", null));
        _open.Open("jane.doe@contoso.com", new OpenSequence("owner-kim", "contact-j", null));
        var message = MailSamples.Parse("From: jane.doe@contoso.com\nSubject: hello again\nMessage-ID: <new-thread@contoso.com>\n\nHi!");

        var result = await _processor.ProcessAsync(message, CancellationToken.None);

        Assert.Equal(InboundProcessingStatus.Unmatched, result.Status);
        Assert.Equal([new RecordUnmatched("mid:new-thread@contoso.com", InboundKind.Reply, UnmatchedReason.AmbiguousSender)], result.Actions);
    }
}
