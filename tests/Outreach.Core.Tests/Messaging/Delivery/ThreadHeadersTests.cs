using Outreach.Core.Messaging.Delivery;
using Outreach.Core.Messaging.Templates;

namespace Outreach.Core.Tests.Messaging.Delivery;

public sealed class ThreadHeadersTests
{
    [Fact]
    public void The_first_message_of_a_conversation_has_no_thread_headers()
    {
        Assert.Null(ThreadHeaders.After([]));
        Assert.Null(ThreadHeaders.After([null, "", "not-an-id"]));
    }

    [Fact]
    public void A_message_replies_to_the_latest_earlier_one_and_references_all_of_them_oldest_first()
    {
        var thread = ThreadHeaders.After(["<a@x.org>", "<b@x.org>", "<c@x.org>"])!;

        Assert.Equal("<c@x.org>", thread.InReplyTo);
        Assert.Equal(["<a@x.org>", "<b@x.org>", "<c@x.org>"], thread.References);
        Assert.Equal("<a@x.org> <b@x.org> <c@x.org>", thread.ReferencesHeader);
    }

    [Fact]
    public void A_long_sequence_keeps_the_root_and_the_most_recent_ids_only()
    {
        var ids = Enumerable.Range(1, 25).Select(i => $"<m{i}@x.org>").ToList();

        var thread = ThreadHeaders.After(ids)!;

        Assert.Equal(ThreadHeaders.MaxReferences, thread.References.Count);
        Assert.Equal("<m1@x.org>", thread.References[0]);
        Assert.Equal(ids[^(ThreadHeaders.MaxReferences - 1)..], thread.References.Skip(1));
        Assert.Equal("<m25@x.org>", thread.InReplyTo);
    }

    [Fact]
    public void Ids_that_could_forge_a_header_and_repeats_are_left_out()
    {
        var thread = ThreadHeaders.After(["<a@x.org>", "<b@x.org>\r\nBcc: eve@example.org", "<a@x.org>", "<b@x.org>"])!;

        Assert.Equal(["<a@x.org>", "<b@x.org>"], thread.References);
    }

    [Fact]
    public void The_builder_writes_in_reply_to_and_references_after_the_headers_the_message_owns()
    {
        var thread = ThreadHeaders.After(["<a@x.org>", "<b@x.org>"]);

        var message = new OutgoingMessageBuilder()
            .From("sam@students.example.edu")
            .To("ann@example.org")
            .Content(new RenderedMessage("Following up", "Hi", "<p>Hi</p>"))
            .MessageId("<c@students.example.edu>")
            .Thread(thread)
            .Build();

        Assert.Equal(
            [
                new("Message-ID", "<c@students.example.edu>"),
                new("In-Reply-To", "<b@x.org>"),
                new KeyValuePair<string, string>("References", "<a@x.org> <b@x.org>"),
            ],
            message.ExtraHeaders());
        Assert.Equal("Following up", message.Subject);
    }

    [Fact]
    public void A_message_without_a_thread_has_no_thread_headers()
    {
        var message = new OutgoingMessageBuilder()
            .From("sam@students.example.edu")
            .To("ann@example.org")
            .Content(new RenderedMessage("Thanks", "Hi", "<p>Hi</p>"))
            .Thread(null)
            .Build();

        Assert.DoesNotContain(message.ExtraHeaders(), h => h.Key is "In-Reply-To" or "References");
    }
}
