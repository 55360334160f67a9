using System.Text;
using Outreach.Storage.Queues;
using Outreach.Testing.LocalServices;

namespace Outreach.Storage.Tests.Queues;

[Collection(AzuriteGroup.Name)]
public sealed class QueueClientTests(AzuriteFixture azurite)
{
    private readonly StorageAccount _account = TestAccounts.For(azurite);

    private async Task<QueueClient> NewQueueAsync(QueueMessageEncoding encoding = QueueMessageEncoding.None)
    {
        var queue = _account.GetQueue(TestAccounts.UniqueName("q"), encoding);
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    [Fact]
    public async Task Create_is_idempotent_and_reports_whether_it_created()
    {
        var queue = _account.GetQueue(TestAccounts.UniqueName("q"));

        Assert.True(await queue.CreateIfNotExistsAsync());
        Assert.False(await queue.CreateIfNotExistsAsync());
        Assert.True(await queue.DeleteQueueAsync());
        Assert.False(await queue.DeleteQueueAsync());
    }

    [Fact]
    public async Task Sent_message_is_received_with_its_text_and_a_dequeue_count_of_one_then_deleted()
    {
        var queue = await NewQueueAsync();
        var sent = await queue.SendAsync("hello <O'Brien> & Zoë 東京");

        var received = Assert.Single(await queue.ReceiveAsync(32, TimeSpan.FromMinutes(1)));
        Assert.Equal(sent.MessageId, received.MessageId);
        Assert.Equal("hello <O'Brien> & Zoë 東京", received.Text);
        Assert.Equal(1, received.DequeueCount);
        Assert.Equal(sent.InsertionTime, received.InsertionTime);
        Assert.Equal(sent.InsertionTime.AddDays(7), received.ExpirationTime);
        Assert.Empty(await queue.ReceiveAsync(1, TimeSpan.FromMinutes(1)));

        await queue.DeleteAsync(received.MessageId, received.PopReceipt);
        Assert.Equal(0, await queue.GetApproximateCountAsync());
    }

    [Fact]
    public async Task Visibility_delay_hides_a_new_message_and_ttl_minus_one_never_expires()
    {
        var queue = await NewQueueAsync();

        var sent = await queue.SendAsync("later", visibilityDelay: TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1), timeToLive: QueueClient.NeverExpires);

        Assert.Equal(new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero), sent.ExpirationTime);
        Assert.Equal(sent.InsertionTime.AddDays(7).AddSeconds(-1), sent.NextVisibleTime);
        Assert.Empty(await queue.ReceiveAsync(32, TimeSpan.FromSeconds(30)));
        Assert.Empty(await queue.PeekAsync(32));
        Assert.Equal(1, await queue.GetApproximateCountAsync());
    }

    [Fact]
    public async Task Peek_shows_messages_without_hiding_them_or_counting_a_dequeue()
    {
        var queue = await NewQueueAsync();
        await queue.SendAsync("one");
        await queue.SendAsync("two");

        var peeked = await queue.PeekAsync(32);
        var again = await queue.PeekAsync(32);

        Assert.Equal(["one", "two"], peeked.Select(m => m.Text));
        Assert.All(again, m => Assert.Equal(0, m.DequeueCount));
        Assert.Equal(2, (await queue.ReceiveAsync(32, TimeSpan.FromSeconds(30))).Count);
    }

    [Fact]
    public async Task Update_changes_text_and_visibility_and_returns_a_new_receipt_that_replaces_the_old()
    {
        var queue = await NewQueueAsync();
        await queue.SendAsync("draft");
        var first = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromMinutes(5)));

        var receipt = await queue.UpdateAsync(first.MessageId, first.PopReceipt, TimeSpan.Zero, "final");

        Assert.NotEqual(first.PopReceipt, receipt);
        var stale = await Assert.ThrowsAsync<StorageRequestException>(() => queue.DeleteAsync(first.MessageId, first.PopReceipt));
        Assert.Equal(400, stale.Status);
        Assert.Equal("PopReceiptMismatch", stale.ErrorCode);
        var second = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromMinutes(5)));
        Assert.Equal("final", second.Text);
        Assert.Equal(2, second.DequeueCount);
    }

    [Fact]
    public async Task Update_without_new_text_keeps_the_text()
    {
        var queue = await NewQueueAsync(QueueMessageEncoding.Base64);
        await queue.SendAsync("keep me");
        var first = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromMinutes(5)));

        await queue.UpdateAsync(first.MessageId, first.PopReceipt, TimeSpan.Zero);

        Assert.Equal("keep me", Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromMinutes(5))).Text);
    }

    [Fact]
    public async Task Deleting_a_message_that_is_gone_names_the_error()
    {
        var queue = await NewQueueAsync();
        await queue.SendAsync("x");
        var message = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromMinutes(1)));
        await queue.DeleteAsync(message.MessageId, message.PopReceipt);

        var error = await Assert.ThrowsAsync<StorageRequestException>(() => queue.DeleteAsync(message.MessageId, message.PopReceipt));

        Assert.Equal(404, error.Status);
        Assert.Equal("MessageNotFound", error.ErrorCode);
        Assert.StartsWith($"Deleting a message from queue {queue.Name} failed: 404 MessageNotFound", error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }

    [Fact]
    public async Task Clear_removes_every_message_and_count_reports_them()
    {
        var queue = await NewQueueAsync();
        for (var i = 0; i < 5; i++)
        {
            await queue.SendAsync($"m{i}");
        }

        Assert.Equal(5, await queue.GetApproximateCountAsync());
        await queue.ClearAsync();

        Assert.Equal(0, await queue.GetApproximateCountAsync());
        Assert.Empty(await queue.PeekAsync(32));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public async Task Receive_and_peek_reject_counts_outside_1_to_32_naming_the_parameter(int count)
    {
        var queue = _account.GetQueue("never-created");

        var receive = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveAsync(count, TimeSpan.FromSeconds(30)));
        var peek = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.PeekAsync(count));

        Assert.Equal("maxMessages", receive.ParamName);
        Assert.Equal("maxMessages", peek.ParamName);
    }

    [Fact]
    public async Task Visibility_delay_over_seven_days_is_rejected_before_any_request()
    {
        var queue = _account.GetQueue("never-created");

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.SendAsync("x", visibilityDelay: TimeSpan.FromDays(7.5)));

        Assert.Equal("visibilityDelay", error.ParamName);
    }

    [Theory]
    [InlineData(QueueMessageEncoding.None, 65536)]
    [InlineData(QueueMessageEncoding.Base64, 49152)] // 49152 bytes -> exactly 65536 base64 characters
    public async Task A_message_of_exactly_64_KiB_encoded_is_accepted(QueueMessageEncoding encoding, int payloadBytes)
    {
        var queue = await NewQueueAsync(encoding);
        var payload = new string('a', payloadBytes);

        await queue.SendAsync(payload);

        Assert.Equal(payload, Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(30))).Text);
    }

    [Theory]
    [InlineData(QueueMessageEncoding.None, 65537, 65537)]
    [InlineData(QueueMessageEncoding.Base64, 49153, 65540)]
    public async Task A_message_over_64_KiB_encoded_fails_before_the_request(QueueMessageEncoding encoding, int payloadBytes, int encodedBytes)
    {
        // The queue does not exist: a request would fail with 404, so the ArgumentException proves nothing was sent.
        var queue = _account.GetQueue(TestAccounts.UniqueName("q"), encoding);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => queue.SendAsync(new string('a', payloadBytes)));

        Assert.Equal("text", error.ParamName);
        Assert.StartsWith($"The message is {encodedBytes} bytes once encoded ({encoding}); a queue message may be at most 65536 bytes (64 KiB).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_ascii_counts_as_utf8_bytes_toward_the_limit()
    {
        var queue = _account.GetQueue(TestAccounts.UniqueName("q"));

        // 21846 x "東" is 65538 UTF-8 bytes though only 21846 characters.
        var error = await Assert.ThrowsAsync<ArgumentException>(() => queue.SendAsync(new string('東', 21846)));

        Assert.StartsWith("The message is 65538 bytes once encoded (None)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Base64_encoding_stores_what_the_functions_host_expects()
    {
        var name = TestAccounts.UniqueName("q");
        var encoded = _account.GetQueue(name, QueueMessageEncoding.Base64);
        await encoded.CreateIfNotExistsAsync();
        const string payload = "{\"contact\":\"Zoë O'Brien\",\"city\":\"東京\"}";

        await encoded.SendAsync(payload);

        var raw = _account.GetQueue(name, QueueMessageEncoding.None);
        var stored = Assert.Single(await raw.PeekAsync(1));
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(payload)), stored.Text);
        var decoded = Assert.Single(await encoded.ReceiveAsync(1, TimeSpan.FromSeconds(30)));
        Assert.Equal(payload, decoded.Text);
        Assert.False(decoded.DecodingFailed);
    }

    [Fact]
    public async Task A_message_that_is_not_base64_is_flagged_not_thrown_so_it_can_go_to_poison()
    {
        var name = TestAccounts.UniqueName("q");
        await _account.GetQueue(name).CreateIfNotExistsAsync();
        await _account.GetQueue(name).SendAsync("not base64!");

        var message = Assert.Single(await _account.GetQueue(name, QueueMessageEncoding.Base64).ReceiveAsync(1, TimeSpan.FromSeconds(30)));

        Assert.True(message.DecodingFailed);
        Assert.Equal("not base64!", message.RawText);
    }

    [Fact]
    public void Invalid_queue_names_are_rejected_naming_the_name()
    {
        var error = Assert.Throws<ArgumentException>(() => _account.GetQueue("Bad_Name"));

        Assert.Equal("name", error.ParamName);
        Assert.StartsWith("'Bad_Name' is not a valid queue name", error.Message, StringComparison.Ordinal);
    }
}
