using Outreach.Core.Outcomes;
using Outreach.Core.Tests.Outcomes.Support;

namespace Outreach.Core.Tests.Outcomes;

public sealed class ReplyMatcherTests
{
    private static readonly SentMessageRef ThankYou = new("owner-sam", "task-thanks", "contact-jane");
    private static readonly SentMessageRef FollowUp = new("owner-sam", "task-follow", "contact-jane");

    private readonly InMemorySentMessageIndex _sent = new();
    private readonly InMemoryReplyTokenDecoder _tokens = new();
    private readonly InMemoryOpenSequenceIndex _open = new();
    private readonly ReplyMatcher _matcher;

    public ReplyMatcherTests()
    {
        _matcher = new ReplyMatcher(_sent, _tokens, _open);
        _sent.Add("<thanks-1@student.example>", ThankYou);
        _sent.Add("<follow-2@student.example>", FollowUp);
    }

    [Fact]
    public async Task Matches_on_in_reply_to_first()
    {
        var message = Reply(inReplyTo: "<follow-2@student.example>", references: "<thanks-1@student.example> <follow-2@student.example>");

        var match = await _matcher.MatchReplyAsync(message, CancellationToken.None);

        Assert.Equal(new MatchResult { Method = MatchMethod.InReplyTo, OwnerId = "owner-sam", ContactId = "contact-jane", TaskId = "task-follow", MatchedMessageId = "follow-2@student.example" }, match);
        Assert.Equal(["follow-2@student.example"], _sent.Lookups);
    }

    [Fact]
    public async Task Matches_on_references_newest_first_when_gmail_dropped_in_reply_to()
    {
        var message = Reply(inReplyTo: null, references: "<unknown-0@elsewhere.example> <thanks-1@student.example>\r\n <follow-2@STUDENT.example>");

        var match = await _matcher.MatchReplyAsync(message, CancellationToken.None);

        Assert.Equal(MatchMethod.References, match.Method);
        Assert.Equal("task-follow", match.TaskId);
        Assert.Equal(["follow-2@student.example"], _sent.Lookups);
    }

    [Fact]
    public async Task Falls_through_an_unknown_in_reply_to_to_references()
    {
        var message = Reply(inReplyTo: "<rewritten-by-outlook@contoso.com>", references: "<thanks-1@student.example>");

        var match = await _matcher.MatchReplyAsync(message, CancellationToken.None);

        Assert.Equal(MatchMethod.References, match.Method);
        Assert.Equal("task-thanks", match.TaskId);
        Assert.Equal(["rewritten-by-outlook@contoso.com", "thanks-1@student.example"], _sent.Lookups);
    }

    [Fact]
    public async Task The_owners_own_reply_all_in_the_thread_is_not_the_contact_answering()
    {
        _sent.Add("<stay-3@student.example>", new SentMessageRef("owner-sam", "task-stay", "contact-jane", "sam@student.example"));
        var message = Reply(inReplyTo: "<jane-reply@contoso.com>", references: "<stay-3@student.example> <jane-reply@contoso.com>", from: "Sam <Sam@Student.example>");

        var match = await _matcher.MatchReplyAsync(message, CancellationToken.None);

        Assert.Equal(MatchResult.Unmatched(UnmatchedReason.FromOwner), match);
    }

    [Fact]
    public async Task Matches_a_token_in_a_plus_addressed_cc_when_threading_headers_are_gone()
    {
        _tokens.Issue("Tk9_aBc", new ReplyTokenTarget("owner-sam", "contact-jane", "task-thanks"));
        var message = Reply(inReplyTo: null, references: null, to: "sam@student.example", cc: "Sam <reply+Tk9_aBc@in.outreach.example>");

        var match = await _matcher.MatchReplyAsync(message, CancellationToken.None);

        Assert.Equal(new MatchResult { Method = MatchMethod.ReplyToken, OwnerId = "owner-sam", ContactId = "contact-jane", TaskId = "task-thanks" }, match);
    }

    [Fact]
    public async Task A_forged_token_does_not_match()
    {
        var message = Reply(inReplyTo: null, references: null, to: "reply+forged@in.outreach.example");

        var match = await _matcher.MatchReplyAsync(message, CancellationToken.None);

        Assert.Equal(MatchResult.Unmatched(UnmatchedReason.NoCandidate), match);
    }

    [Fact]
    public async Task Matches_the_sender_when_exactly_one_owner_has_an_open_sequence_with_them()
    {
        _open.Open("jane.doe@contoso.com", new OpenSequence("owner-sam", "contact-jane", "task-thanks"));

        var match = await _matcher.MatchReplyAsync(Reply(inReplyTo: null, references: null, from: "Jane <Jane.Doe@Contoso.com>"), CancellationToken.None);

        Assert.Equal(new MatchResult { Method = MatchMethod.SenderOpenSequence, OwnerId = "owner-sam", ContactId = "contact-jane", TaskId = "task-thanks" }, match);
    }

    [Fact]
    public async Task A_sender_with_open_sequences_at_two_owners_is_ambiguous_and_unmatched()
    {
        _open.Open("jane.doe@contoso.com", new OpenSequence("owner-sam", "contact-jane", "task-thanks"));
        _open.Open("jane.doe@contoso.com", new OpenSequence("owner-kim", "contact-j", "task-k1"));

        var match = await _matcher.MatchReplyAsync(Reply(inReplyTo: null, references: null), CancellationToken.None);

        Assert.Equal(MatchResult.Unmatched(UnmatchedReason.AmbiguousSender), match);
    }

    [Fact]
    public async Task A_sender_with_open_sequences_at_two_owners_matches_the_one_whose_mailbox_the_message_was_sent_to()
    {
        // Two classmates met the same recruiter; she writes afresh (no threading headers, no token) to Sam's mailbox.
        _open.Open("jane.doe@contoso.com", new OpenSequence("owner-sam", "contact-jane", "task-thanks", "sam@student.example"));
        _open.Open("jane.doe@contoso.com", new OpenSequence("owner-kim", "contact-j", "task-k1", "kim@student.example"));

        var match = await _matcher.MatchReplyAsync(Reply(inReplyTo: null, references: null, to: "Sam <Sam@Student.example>"), CancellationToken.None);

        Assert.Equal(new MatchResult { Method = MatchMethod.SenderAndRecipient, OwnerId = "owner-sam", ContactId = "contact-jane", TaskId = "task-thanks" }, match);
    }

    [Theory]
    [InlineData("sam@student.example, kim@student.example", null)] // written to both: still either
    [InlineData("someone@else.example", "kim@student.example")] // Kim in Cc only counts as Kim's
    [InlineData("team@student.example", null)] // neither mailbox
    public async Task A_sender_with_open_sequences_at_two_owners_stays_ambiguous_unless_the_recipients_name_exactly_one(string to, string? cc)
    {
        _open.Open("jane.doe@contoso.com", new OpenSequence("owner-sam", "contact-jane", "task-thanks", "sam@student.example"));
        _open.Open("jane.doe@contoso.com", new OpenSequence("owner-kim", "contact-j", "task-k1", "kim@student.example"));
        _open.Open("jane.doe@contoso.com", new OpenSequence("owner-lee", "contact-jd", null));

        var match = await _matcher.MatchReplyAsync(Reply(inReplyTo: null, references: null, to: to, cc: cc), CancellationToken.None);

        Assert.Equal(
            cc is null ? MatchResult.Unmatched(UnmatchedReason.AmbiguousSender) : new MatchResult { Method = MatchMethod.SenderAndRecipient, OwnerId = "owner-kim", ContactId = "contact-j", TaskId = "task-k1" },
            match);
    }

    [Fact]
    public async Task Nothing_to_go_on_is_unmatched()
    {
        var match = await _matcher.MatchReplyAsync(Reply(inReplyTo: "<nope@x.example>", references: null, from: "stranger@x.example"), CancellationToken.None);

        Assert.Equal(MatchResult.Unmatched(UnmatchedReason.NoCandidate), match);
        Assert.False(match.IsMatched);
    }

    [Fact]
    public async Task A_bounce_matches_on_the_message_id_it_quotes()
    {
        _sent.Add(MailSamples.SentId, ThankYou);
        var message = MailSamples.Parse(MailSamples.PostfixHardBounce);

        var match = await _matcher.MatchBounceAsync(message, BounceDetector.Read(message), CancellationToken.None);

        Assert.Equal(MatchMethod.BouncedMessageId, match.Method);
        Assert.Equal("task-thanks", match.TaskId);
    }

    [Fact]
    public async Task A_bounce_without_an_original_id_matches_the_token_it_came_back_to()
    {
        _tokens.Issue("tok-jane", new ReplyTokenTarget("owner-sam", "contact-jane", null));
        var message = MailSamples.Parse(MailSamples.PostfixHardBounceHumanPartOnly);

        var match = await _matcher.MatchBounceAsync(message, BounceDetector.Read(message), CancellationToken.None);

        Assert.Equal(new MatchResult { Method = MatchMethod.ReplyToken, OwnerId = "owner-sam", ContactId = "contact-jane" }, match);
    }

    [Fact]
    public async Task A_bounce_falls_back_to_the_failed_recipients_open_sequence()
    {
        _open.Open("lost@x.example", new OpenSequence("owner-sam", "contact-lost", null));
        var message = MailSamples.Parse("From: postmaster@x.example\nSubject: Undeliverable: hi\n\nFinal-Recipient: rfc822; Lost@X.example\nStatus: 5.1.1\n");

        var match = await _matcher.MatchBounceAsync(message, BounceDetector.Read(message), CancellationToken.None);

        Assert.Equal(new MatchResult { Method = MatchMethod.SenderOpenSequence, OwnerId = "owner-sam", ContactId = "contact-lost" }, match);
    }

    [Theory]
    [InlineData("reply+abc@x.example", "abc")]
    [InlineData("reply+a+b@x.example", "a+b")]
    [InlineData("reply+@x.example", null)]
    [InlineData("reply@x.example", null)]
    public void PlusToken_takes_everything_after_the_first_plus(string address, string? token)
    {
        Assert.Equal(token, ReplyMatcher.PlusToken(new EmailAddress(address)));
    }

    private static InboundMessage Reply(string? inReplyTo, string? references, string from = "Jane Doe <jane.doe@contoso.com>", string to = "sam@student.example", string? cc = null)
    {
        var raw = $"From: {from}\nTo: {to}\n" + (cc is null ? "" : $"Cc: {cc}\n") + "Subject: Re: Thanks\n"
            + (inReplyTo is null ? "" : $"In-Reply-To: {inReplyTo}\n")
            + (references is null ? "" : $"References: {references}\n")
            + "\nThanks!";
        return MailSamples.Parse(raw);
    }
}
