using Microsoft.Extensions.Logging.Abstractions;
using Outreach.Core.Messaging.Delivery;
using Outreach.Mail.Smtp;
using Outreach.Mail.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Mail.Tests.Smtp;

[Collection(MailDevInbox.Name)]
public sealed class SmtpMailTransportTests(MailDevFixture maildev) : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    public Task InitializeAsync() => maildev.DeleteAllAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private SmtpMailTransport Transport(int maxConnections = 4) => new(
        new SmtpOptions { Host = "127.0.0.1", Port = maildev.SmtpPort, EnableSsl = false, MaxConnections = maxConnections },
        TimeProvider.System, NullLogger<SmtpMailTransport>.Instance);

    [Fact]
    public async Task Delivers_one_message_with_the_message_id_it_set_and_every_required_header()
    {
        using var transport = Transport();
        var message = SampleMessages.Note();

        var result = await transport.SendAsync(message, CancellationToken.None);

        Assert.Equal(SendResult.Sent(message.MessageId), result);
        var emails = await maildev.WaitForEmailsAsync(1, Wait);
        var email = Assert.Single(emails);
        DeliveredMessageAssertions.AssertIsSampleNote(email, message.MessageId);
    }

    [Fact]
    public async Task Delivers_exactly_as_many_messages_as_were_sent_in_parallel()
    {
        using var transport = Transport(maxConnections: 3);
        var messages = Enumerable.Range(0, 12).Select(i => SampleMessages.Note($"person{i}@example.org")).ToList();

        var results = await Task.WhenAll(messages.Select(m => transport.SendAsync(m, CancellationToken.None)));

        Assert.All(results, r => Assert.Equal(SendResultKind.Sent, r.Kind));
        // Every send returned after maildev's 250 for DATA, so nothing more can still arrive.
        var emails = await maildev.WaitForEmailsAsync(12, Wait);
        Assert.Equal(12, emails.Count);
        Assert.Equal(
            messages.Select(m => m.MessageId).Order(StringComparer.Ordinal),
            emails.Select(e => e.GetProperty("headers").GetProperty("message-id").GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Encodes_non_ascii_headers_as_rfc_2047_words_and_bodies_as_quoted_printable()
    {
        using var transport = Transport();
        var message = SampleMessages.Note();

        await transport.SendAsync(message, CancellationToken.None);

        var email = Assert.Single(await maildev.WaitForEmailsAsync(1, Wait));
        var id = email.GetProperty("id").GetString();
        var source = await maildev.Http.GetStringAsync(new Uri(maildev.WebUri, $"email/{id}/source"));
        var headerBlock = source[..source.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        Assert.True(headerBlock.All(c => c < 128), "headers must be 7-bit");
        Assert.Contains("From: =?utf-8?", headerBlock, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Subject: =?utf-8?", headerBlock, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Content-Transfer-Encoding: quoted-printable", source, StringComparison.Ordinal);
        Assert.True(source.IndexOf("text/plain", StringComparison.Ordinal) < source.IndexOf("text/html", StringComparison.Ordinal), "text part first");
    }
}
