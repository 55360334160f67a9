using Outreach.Core.Outcomes;
using Outreach.Core.Tests.Outcomes.Support;

namespace Outreach.Core.Tests.Outcomes;

public sealed class DedupeKeysTests
{
    [Fact]
    public void The_message_id_is_the_key_when_present()
    {
        Assert.Equal("mid:7a1c2e0f9b8d4e6fa2c1@am6pr04mb5432.eurprd04.prod.outlook.com", DedupeKeys.ForInbound(MailSamples.Parse(MailSamples.ExchangeOutOfOffice)));
    }

    [Fact]
    public void Without_a_message_id_the_key_hashes_sender_date_subject_and_the_first_kibibyte_of_text()
    {
        var body = new string('a', 1024);
        var message = MailSamples.Parse($"From: Jane <Jane@X.example>\nDate: Mon, 2 Mar 2026 10:00:00 +0000\nSubject: Hi\n\n{body}");
        var expected = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes($"jane@x.example\nMon, 2 Mar 2026 10:00:00 +0000\nHi\n{body}")));

        Assert.Equal(expected, DedupeKeys.ForInbound(message));
        Assert.Equal(expected, DedupeKeys.ForInbound(message with { Text = body + "tail beyond 1 KiB", ReceivedAt = message.ReceivedAt.AddHours(1) }));
        Assert.NotEqual(expected, DedupeKeys.ForInbound(message with { Subject = "Hi!" }));
    }
}
