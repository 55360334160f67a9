using Microsoft.Extensions.Logging.Abstractions;
using Outreach.Core.Messaging.Delivery;
using Outreach.Core.Messaging.Templates;
using Outreach.Mail.Pickup;
using Outreach.Mail.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Mail.Tests.Pickup;

[Collection(MailDevInbox.Name)]
public sealed class PickupDirectoryMailTransportTests(MailDevFixture maildev) : IAsyncLifetime, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "outreach-pickup-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => maildev.DeleteAllAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private PickupDirectoryMailTransport Transport() =>
        new(new PickupDirectoryOptions { Directory = _directory }, NullLogger<PickupDirectoryMailTransport>.Instance);

    [Fact]
    public async Task Writes_one_eml_file_named_after_the_message_id()
    {
        var transport = Transport();
        var message = SampleMessages.Note(messageId: "<preview-1@students.example.edu>");

        var result = await transport.SendAsync(message, CancellationToken.None);

        Assert.Equal(SendResult.Sent(message.MessageId), result);
        Assert.Equal([Path.Combine(_directory, "preview-1@students.example.edu.eml")], Directory.GetFileSystemEntries(_directory));
        Assert.Equal(transport.PathFor(message.MessageId), Directory.GetFiles(_directory)[0]);
    }

    [Fact]
    public async Task The_eml_file_parses_with_the_same_headers_and_parts_as_an_smtp_delivery()
    {
        var transport = Transport();
        var message = SampleMessages.Note();
        await transport.SendAsync(message, CancellationToken.None);
        var raw = await File.ReadAllTextAsync(transport.PathFor(message.MessageId));

        await RawSmtpSubmitter.SubmitAsync(maildev.SmtpPort, "zoe@students.example.edu", "ann@example.org", raw, CancellationToken.None);

        var email = Assert.Single(await maildev.WaitForEmailsAsync(1, TimeSpan.FromSeconds(20)));
        DeliveredMessageAssertions.AssertIsSampleNote(email, message.MessageId);
    }

    [Fact]
    public async Task Display_names_with_commas_quotes_and_backslashes_each_reach_the_recipient_as_one_name()
    {
        var transport = Transport();
        var message = new OutgoingMessageBuilder()
            .From("zoe@students.example.edu", "Ångström, Zoë \"Z\"")
            .To("ann@example.org", "Lee, Ann \"Annie\"")
            .To("bo@example.org", "Bo \"B\" O'Neil \\")
            .Content(new RenderedMessage("Hi", "Hi", "<p>Hi</p>"))
            .Build();
        await transport.SendAsync(message, CancellationToken.None);
        var raw = await File.ReadAllTextAsync(transport.PathFor(message.MessageId));

        await RawSmtpSubmitter.SubmitAsync(maildev.SmtpPort, "zoe@students.example.edu", "ann@example.org", raw, CancellationToken.None);

        var email = Assert.Single(await maildev.WaitForEmailsAsync(1, TimeSpan.FromSeconds(20)));
        Assert.Equal(
            ["Lee, Ann \u201CAnnie\u201D <ann@example.org>", "Bo \u201CB\u201D O'Neil \uFF3C <bo@example.org>"],
            email.GetProperty("to").EnumerateArray().Select(t => $"{t.GetProperty("name").GetString()} <{t.GetProperty("address").GetString()}>"));
        Assert.Equal("Ångström, Zoë \u201CZ\u201D", email.GetProperty("from")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_same_message_id_is_never_written_twice()
    {
        var transport = Transport();
        var message = SampleMessages.Note();
        await transport.SendAsync(message, CancellationToken.None);

        var second = await transport.SendAsync(message, CancellationToken.None);

        Assert.Equal(SendResultKind.Failed, second.Kind);
        Assert.Single(Directory.GetFileSystemEntries(_directory));
    }
}
