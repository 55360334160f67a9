using Outreach.Core.Messaging.Delivery;
using Outreach.Core.Messaging.Templates;

namespace Outreach.Core.Tests.Messaging.Delivery;

public sealed class OutgoingMessageBuilderTests
{
    private static OutgoingMessageBuilder Basic() => new OutgoingMessageBuilder()
        .From("sam@students.example.edu", "Sam Ortiz")
        .To("ann@example.org", "Ann Lee")
        .Content(new RenderedMessage("Thanks", "Hi", "<p>Hi</p>"));

    [Fact]
    public void Message_id_is_generated_on_the_sender_domain_before_sending()
    {
        var message = Basic().Build();

        Assert.Matches("^<[a-z2-7]{26}@students\\.example\\.edu>$", message.MessageId);
        Assert.NotEqual(message.MessageId, Basic().Build().MessageId);
    }

    [Fact]
    public void Extra_headers_hold_message_id_unsubscribe_and_custom_headers_in_order()
    {
        var links = UnsubscribeLinks.For(new Uri("https://app.example/"), "k1.abc.def", "unsubscribe@app.example");

        var message = Basic().MessageId("<id-1@x.org>").Unsubscribe(links).Header("X-Outreach-Task", "t-1").Build();

        Assert.Equal(
            [
                new("Message-ID", "<id-1@x.org>"),
                new("List-Unsubscribe", "<mailto:unsubscribe@app.example?subject=unsubscribe%20k1.abc.def>, <https://app.example/api/unsubscribe/k1.abc.def>"),
                new("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                new KeyValuePair<string, string>("X-Outreach-Task", "t-1"),
            ],
            message.ExtraHeaders());
    }

    [Theory]
    [InlineData("https://app.example", "https://app.example/api/unsubscribe/k1.abc.def")]
    [InlineData("https://app.example/", "https://app.example/api/unsubscribe/k1.abc.def")]
    [InlineData("https://school.example/outreach", "https://school.example/outreach/api/unsubscribe/k1.abc.def")]
    [InlineData("https://school.example/outreach/", "https://school.example/outreach/api/unsubscribe/k1.abc.def")]
    public void The_one_click_link_keeps_the_path_of_the_apps_base_url_with_or_without_a_final_slash(string baseUrl, string expected)
    {
        var links = UnsubscribeLinks.For(new Uri(baseUrl), "k1.abc.def");

        Assert.Equal(expected, links.OneClick.AbsoluteUri);
        Assert.Equal($"<{expected}>", links.ListUnsubscribeHeader);
    }

    [Theory]
    [InlineData("Subject")]
    [InlineData("message-id")]
    [InlineData("List-Unsubscribe")]
    [InlineData("Bcc")]
    public void Custom_headers_cannot_override_the_message_own_headers(string name)
    {
        Assert.Throws<ArgumentException>(() => Basic().Header(name, "x"));
    }

    [Fact]
    public void Header_injection_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Basic().Header("X-Note", "a\r\nBcc: x@y"));
        Assert.Throws<ArgumentException>(() => Basic().Subject("a\nb"));
        Assert.Throws<ArgumentException>(() => Basic().MessageId("<a b@x>"));
    }

    [Fact]
    public void Display_names_are_kept_on_one_line()
    {
        var message = new OutgoingMessageBuilder().From("a@x.org", "Zoë\r\nÅngström").To("b@y.org").Content(new RenderedMessage("s", "t", "h")).Build();

        Assert.Equal("Zoë Ångström", message.From.DisplayName);
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("a@b@c")]
    [InlineData("a b@c.org")]
    [InlineData("<a@c.org>")]
    public void Unusable_addresses_are_refused(string address)
    {
        Assert.Throws<ArgumentException>(() => new EmailAddress(address));
    }

    [Fact]
    public void Addresses_never_show_in_their_string_form()
    {
        Assert.DoesNotContain("ann", new EmailAddress("ann@example.org").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_parts_fail_the_build()
    {
        Assert.Throws<InvalidOperationException>(() => new OutgoingMessageBuilder().From("a@x.org").Build());
        Assert.Throws<InvalidOperationException>(() => new OutgoingMessageBuilder().From("a@x.org").To("b@x.org").Subject("s").Text("t").Build());
    }

    [Fact]
    public void One_click_unsubscribe_must_be_https_except_on_loopback()
    {
        Assert.Throws<ArgumentException>(() => new UnsubscribeLinks(new Uri("http://app.example/api/unsubscribe/t")));
        Assert.Equal("<http://127.0.0.1:7071/api/unsubscribe/t>", new UnsubscribeLinks(new Uri("http://127.0.0.1:7071/api/unsubscribe/t")).ListUnsubscribeHeader);
    }

    [Fact]
    public void Transient_result_throws_when_asked_and_others_pass_through()
    {
        var transient = new SendResult(SendResultKind.Transient, "<m@x>", 451, "busy");

        var error = Assert.Throws<MailTransientException>(() => transient.ThrowIfTransient());
        Assert.Equal("Sending <m@x> failed transiently (SMTP 451); retry later.", error.Message);
        Assert.Equal(SendResultKind.Sent, SendResult.Sent("<m@x>").ThrowIfTransient().Kind);
    }
}
