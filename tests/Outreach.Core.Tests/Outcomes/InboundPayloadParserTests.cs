using Outreach.Core.Outcomes;
using Outreach.Core.Tests.Outcomes.Support;
using Outreach.Testing.Time;

namespace Outreach.Core.Tests.Outcomes;

public sealed class InboundPayloadParserTests
{
    private readonly InboundPayloadParser _parser = new(new ManualTimeProvider(InboundPayloads.ReceivedAt));

    [Fact]
    public void Every_inbound_shape_reads_to_the_same_message()
    {
        var canonical = _parser.ParseJson(InboundPayloads.Canonical);
        var sendGrid = _parser.ParseForm(InboundPayloads.SendGrid());
        var mailgun = _parser.ParseForm(InboundPayloads.Mailgun());
        var postmark = _parser.ParseJson(InboundPayloads.Postmark);

        Assert.Equal(InboundPayloadShape.Canonical, canonical.Shape);
        Assert.Equal(InboundPayloadShape.SendGrid, sendGrid.Shape);
        Assert.Equal(InboundPayloadShape.Mailgun, mailgun.Shape);
        Assert.Equal(InboundPayloadShape.Postmark, postmark.Shape);

        var expected = new Comparable(
            new EmailAddress("jane.doe@contoso.com", "Doe, Jane"),
            "reply+tok-jane@in.outreach.example",
            "reply+tok-jane@in.outreach.example",
            "Re: Thank you for visiting our class",
            "CAJ1x=reply-42@mail.contoso.com",
            "0102018e1a2b3c4d-abc@student.example",
            "0102018e1a2b3c4d-abc@student.example",
            "Thanks Sam, happy to stay in touch.\n\nOn Mon, Sam wrote:\n> Thank you",
            "<p>Thanks Sam, happy to stay in touch.</p>",
            "Mon, 2 Mar 2026 10:14:58 +0000",
            new DateTimeOffset(2026, 3, 2, 10, 14, 58, TimeSpan.Zero),
            InboundPayloads.ReceivedAt);
        Assert.Equal(expected, Comparable.Of(canonical.Message));
        Assert.Equal(expected, Comparable.Of(sendGrid.Message));
        Assert.Equal(expected, Comparable.Of(mailgun.Message));
        Assert.Equal(expected, Comparable.Of(postmark.Message));
    }

    [Fact]
    public void Stripped_reply_text_is_kept_where_the_service_provides_it()
    {
        Assert.Equal("Thanks Sam, happy to stay in touch.", _parser.ParseForm(InboundPayloads.Mailgun()).Message.StrippedText);
        Assert.Equal("Thanks Sam, happy to stay in touch.", _parser.ParseJson(InboundPayloads.Postmark).Message.StrippedText);
        Assert.Null(_parser.ParseForm(InboundPayloads.SendGrid()).Message.StrippedText);
    }

    [Fact]
    public void Header_collections_are_kept_for_classification()
    {
        Assert.Equal("from mail.contoso.com by mxa.mailgun.org", _parser.ParseForm(InboundPayloads.Mailgun()).Message.Headers.Get("received"));
        Assert.Equal("No", _parser.ParseJson(InboundPayloads.Postmark).Message.Headers.Get("X-Spam-Status"));
        Assert.StartsWith("multipart/alternative", _parser.ParseForm(InboundPayloads.SendGrid()).Message.Headers.Get("Content-Type"), StringComparison.Ordinal);
    }

    [Fact]
    public void Postmark_falls_back_to_its_own_message_id_when_no_message_id_header_came()
    {
        var json = InboundPayloads.Postmark.Replace("\"Name\": \"Message-ID\"", "\"Name\": \"X-Other\"", StringComparison.Ordinal);

        Assert.Equal("73e6d360-66eb-11e1-8e72-a8904824019b", _parser.ParseJson(json).Message.MessageId);
    }

    [Fact]
    public void Canonical_headers_may_be_a_raw_block()
    {
        var message = _parser.ParseJson("""{"from":"a@b.example","text":"hi","headers":"Auto-Submitted: auto-replied\r\nX-Thing:\r\n  folded"}""").Message;

        Assert.Equal("auto-replied", message.Headers.Get("Auto-Submitted"));
        Assert.Equal("folded", message.Headers.Get("X-Thing"));
        Assert.Equal(InboundPayloads.ReceivedAt, message.ReceivedAt);
    }

    [Fact]
    public void An_unrecognised_form_is_a_domain_error_naming_the_body()
    {
        var error = Assert.Throws<DomainException>(() => _parser.ParseForm(new Dictionary<string, string> { ["email"] = "raw mime" }));

        Assert.Equal("inbound.unknown-shape", error.Code);
        Assert.Equal("body", error.Target);
    }

    [Theory]
    [InlineData("not json", "inbound.invalid-json", "body")]
    [InlineData("""{"hello":"world"}""", "inbound.unknown-shape", "body")]
    [InlineData("""{"from":"a@b.example","text":"x","to":5}""", "inbound.invalid-field", "to")]
    [InlineData("""{"from":"a@b.example","text":"x","receivedAt":"yesterday"}""", "inbound.invalid-field", "receivedAt")]
    [InlineData("""{"FromFull":{"Email":"a@b.example"},"Headers":{"Name":"x"}}""", "inbound.invalid-field", "Headers")]
    public void Malformed_json_is_a_domain_error_naming_the_field(string json, string code, string target)
    {
        var error = Assert.Throws<DomainException>(() => _parser.ParseJson(json));

        Assert.Equal(code, error.Code);
        Assert.Equal(target, error.Target);
    }

    [Fact]
    public void A_malformed_mailgun_header_array_is_a_domain_error_naming_it()
    {
        var fields = InboundPayloads.Mailgun();
        fields["message-headers"] = """[["only-a-name"]]""";

        Assert.Equal("message-headers", Assert.Throws<DomainException>(() => _parser.ParseForm(fields)).Target);
    }

    [Theory]
    [InlineData("envelope", "not json")]
    [InlineData("envelope", "[1,2]")]
    public void A_malformed_sendgrid_envelope_is_a_domain_error_naming_it(string field, string value)
    {
        var fields = InboundPayloads.SendGrid();
        fields[field] = value;

        Assert.Equal(field, Assert.Throws<DomainException>(() => _parser.ParseForm(fields)).Target);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("-5")]
    [InlineData("99999999999999")]
    public void A_malformed_mailgun_timestamp_is_a_domain_error_naming_it(string value)
    {
        var fields = InboundPayloads.Mailgun();
        fields["timestamp"] = value;

        Assert.Equal("timestamp", Assert.Throws<DomainException>(() => _parser.ParseForm(fields)).Target);
    }

    [Fact]
    public void Form_field_names_are_matched_case_insensitively()
    {
        var fields = InboundPayloads.Mailgun().ToDictionary(kv => kv.Key.ToUpperInvariant(), kv => kv.Value);

        var message = _parser.ParseForm(fields).Message;

        Assert.Equal("CAJ1x=reply-42@mail.contoso.com", message.MessageId);
        Assert.Equal("Thanks Sam, happy to stay in touch.", message.StrippedText);
    }

    [Fact]
    public void A_body_over_the_limit_is_a_domain_error_that_names_the_field_not_the_content()
    {
        var parser = new InboundPayloadParser(TimeProvider.System, new InboundLimits { MaxTextChars = 10 });
        var fields = InboundPayloads.SendGrid();
        fields["text"] = "secret body text that is long";

        var error = Assert.Throws<DomainException>(() => parser.ParseForm(fields));

        Assert.Equal("inbound.too-large", error.Code);
        Assert.Equal("text", error.Target);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_postmark_headers_is_a_domain_error()
    {
        var parser = new InboundPayloadParser(TimeProvider.System, new InboundLimits { MaxHeaderCount = 2 });

        Assert.Equal("Headers", Assert.Throws<DomainException>(() => parser.ParseJson(InboundPayloads.Postmark)).Target);
    }

    private sealed record Comparable(
        EmailAddress? From,
        string To,
        string DeliveredTo,
        string Subject,
        string? MessageId,
        string InReplyTo,
        string References,
        string Text,
        string? Html,
        string? DateHeader,
        DateTimeOffset? SentAt,
        DateTimeOffset ReceivedAt)
    {
        public static Comparable Of(InboundMessage m) => new(
            m.From,
            string.Join(",", m.To.Select(a => a.Address)),
            string.Join(",", m.DeliveredTo.Select(a => a.Address)),
            m.Subject,
            m.MessageId,
            string.Join(",", m.InReplyTo),
            string.Join(",", m.References),
            m.Text,
            m.Html,
            m.DateHeader,
            m.SentAt,
            m.ReceivedAt);
    }
}
