using System.Globalization;
using Azure.Core;
using Outreach.Storage.Http;

namespace Outreach.Storage.Queues;

/// <summary>
/// One storage queue. Obtain it from <see cref="StorageAccount.GetQueue"/>; it is cheap, thread-safe and shares
/// the account's pipeline. Arguments are validated before any request is sent.
/// </summary>
public sealed class QueueClient
{
    /// <summary>Pass as a time-to-live for a message that never expires.</summary>
    public static readonly TimeSpan NeverExpires = Timeout.InfiniteTimeSpan;

    /// <summary>The longest visibility delay or timeout the service allows: 7 days.</summary>
    public static readonly TimeSpan MaxVisibility = TimeSpan.FromDays(7);

    /// <summary>At most this many messages per <see cref="ReceiveAsync"/> or <see cref="PeekAsync"/>.</summary>
    public const int MaxMessagesPerCall = 32;

    private const string ContentType = "application/xml; charset=utf-8";
    private readonly StoragePipeline _pipeline;
    private readonly Uri _endpoint;

    internal QueueClient(StoragePipeline pipeline, Uri serviceEndpoint, string name, QueueMessageEncoding encoding)
    {
        Name = StorageNames.QueueOrContainer(name, "queue");
        _pipeline = pipeline;
        _endpoint = Endpoints.Child(serviceEndpoint, name);
        Encoding = encoding;
    }

    /// <summary>The queue name.</summary>
    public string Name { get; }

    /// <summary>The queue URL.</summary>
    public Uri Uri => _endpoint;

    /// <summary>How message text is encoded on the wire.</summary>
    public QueueMessageEncoding Encoding { get; }

    /// <summary>Creates the queue if it does not exist.</summary>
    /// <returns>True if this call created it.</returns>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = Create(RequestMethod.Put, Address(string.Empty));
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            201 => true,
            204 or 409 => false, // 409 QueueAlreadyExists: it exists with other metadata; still "exists"
            _ => throw _pipeline.Failure(response, $"Creating queue {Name}"),
        };
    }

    /// <summary>Deletes the queue and its messages.</summary>
    /// <returns>False if it did not exist.</returns>
    public async Task<bool> DeleteQueueAsync(CancellationToken cancellationToken = default)
    {
        using var message = Create(RequestMethod.Delete, Address(string.Empty));
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            204 => true,
            404 => false,
            _ => throw _pipeline.Failure(response, $"Deleting queue {Name}"),
        };
    }

    /// <summary>Sends a message.</summary>
    /// <param name="text">The payload; at most 64 KiB once encoded (about 48 KiB of UTF-8 with base64).</param>
    /// <param name="visibilityDelay">Hide it from receivers for this long first (0 to 7 days). Default: visible at once.</param>
    /// <param name="timeToLive">Expire it after this long (at least 1 s, or <see cref="NeverExpires"/>). Default: 7 days.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<SentMessage> SendAsync(string text, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var delay = Seconds(visibilityDelay ?? TimeSpan.Zero, TimeSpan.Zero, nameof(visibilityDelay));
        long? ttl = timeToLive switch
        {
            null => null,
            { } never when never == NeverExpires => -1,
            { } value when value >= TimeSpan.FromSeconds(1) => (long)value.TotalSeconds,
            { } value => throw new ArgumentOutOfRangeException(nameof(timeToLive), value, "A time-to-live must be at least 1 second, or QueueClient.NeverExpires."),
        };
        if (ttl > 0 && delay >= ttl)
        {
            throw new ArgumentOutOfRangeException(nameof(visibilityDelay), visibilityDelay, "The visibility delay must be shorter than the time-to-live.");
        }

        var body = QueueMessageCodec.RequestBody(text, Encoding, nameof(text));
        var uri = Address("/messages");
        uri.AppendQuery("visibilitytimeout", delay.ToString(CultureInfo.InvariantCulture), escapeValue: true);
        if (ttl is { } t)
        {
            uri.AppendQuery("messagettl", t.ToString(CultureInfo.InvariantCulture), escapeValue: true);
        }

        using var message = Create(RequestMethod.Post, uri, body);
        var response = await _pipeline.SendCheckedAsync(message, $"Sending a message to queue {Name}", cancellationToken).ConfigureAwait(false);
        var entry = QueueMessageXml.Read(response.ContentStream!)[0];
        return new SentMessage(entry.MessageId, entry.PopReceipt, entry.InsertionTime, entry.ExpirationTime, entry.NextVisibleTime);
    }

    /// <summary>Receives up to <paramref name="maxMessages"/> messages, hiding them for <paramref name="visibilityTimeout"/>.</summary>
    /// <param name="maxMessages">1 to 32.</param>
    /// <param name="visibilityTimeout">1 second to 7 days.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The messages; empty when none are visible.</returns>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        CheckCount(maxMessages);
        var visibility = Seconds(visibilityTimeout, TimeSpan.FromSeconds(1), nameof(visibilityTimeout));
        var uri = Address("/messages");
        uri.AppendQuery("numofmessages", maxMessages.ToString(CultureInfo.InvariantCulture), escapeValue: true);
        uri.AppendQuery("visibilitytimeout", visibility.ToString(CultureInfo.InvariantCulture), escapeValue: true);
        using var message = Create(RequestMethod.Get, uri);
        var response = await _pipeline.SendCheckedAsync(message, $"Receiving messages from queue {Name}", cancellationToken).ConfigureAwait(false);
        var entries = QueueMessageXml.Read(response.ContentStream!);
        var messages = new QueueMessage[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var (text, failed) = QueueMessageCodec.Decode(e.Text, Encoding);
            messages[i] = new QueueMessage(e.MessageId, e.PopReceipt, text, e.DequeueCount, e.InsertionTime, e.ExpirationTime, e.NextVisibleTime)
            {
                RawText = e.Text,
                DecodingFailed = failed,
            };
        }

        return messages;
    }

    /// <summary>Looks at up to <paramref name="maxMessages"/> visible messages without hiding them or counting a dequeue.</summary>
    /// <param name="maxMessages">1 to 32.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<IReadOnlyList<PeekedMessage>> PeekAsync(int maxMessages, CancellationToken cancellationToken = default)
    {
        CheckCount(maxMessages);
        var uri = Address("/messages");
        uri.AppendQuery("peekonly", "true", escapeValue: true);
        uri.AppendQuery("numofmessages", maxMessages.ToString(CultureInfo.InvariantCulture), escapeValue: true);
        using var message = Create(RequestMethod.Get, uri);
        var response = await _pipeline.SendCheckedAsync(message, $"Peeking at queue {Name}", cancellationToken).ConfigureAwait(false);
        var entries = QueueMessageXml.Read(response.ContentStream!);
        return entries.ConvertAll(e => new PeekedMessage(e.MessageId, QueueMessageCodec.Decode(e.Text, Encoding).Text, e.DequeueCount, e.InsertionTime, e.ExpirationTime));
    }

    /// <summary>
    /// Changes a received message's visibility (e.g. extends a lease, or makes it visible again with 0) and
    /// optionally its text. The old pop receipt stops working.
    /// </summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="popReceipt">The receipt from the last receive or update.</param>
    /// <param name="visibilityTimeout">0 to 7 days from now.</param>
    /// <param name="newText">New text, or null to keep the current text.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new pop receipt.</returns>
    public async Task<string> UpdateAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, string? newText = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        var visibility = Seconds(visibilityTimeout, TimeSpan.Zero, nameof(visibilityTimeout));
        var body = newText is null ? null : QueueMessageCodec.RequestBody(newText, Encoding, nameof(newText));
        var uri = Address("/messages/" + Uri.EscapeDataString(messageId));
        uri.AppendQuery("popreceipt", popReceipt, escapeValue: true);
        uri.AppendQuery("visibilitytimeout", visibility.ToString(CultureInfo.InvariantCulture), escapeValue: true);
        using var message = Create(RequestMethod.Put, uri, body);
        var response = await _pipeline.SendCheckedAsync(message, $"Updating a message in queue {Name}", cancellationToken).ConfigureAwait(false);
        return response.Headers.TryGetValue("x-ms-popreceipt", out var receipt)
            ? receipt
            : throw new StorageRequestException($"Updating a message in queue {Name} returned no x-ms-popreceipt header.");
    }

    /// <summary>Deletes a received message (normally after processing it).</summary>
    /// <exception cref="StorageRequestException">400 PopReceiptMismatch (someone received it again) or 404 MessageNotFound.</exception>
    public async Task DeleteAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        var uri = Address("/messages/" + Uri.EscapeDataString(messageId));
        uri.AppendQuery("popreceipt", popReceipt, escapeValue: true);
        using var message = Create(RequestMethod.Delete, uri);
        await _pipeline.SendCheckedAsync(message, $"Deleting a message from queue {Name}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes every message in the queue.</summary>
    public async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        using var message = Create(RequestMethod.Delete, Address("/messages"));
        await _pipeline.SendCheckedAsync(message, $"Clearing queue {Name}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The service's approximate message count (includes hidden messages; may lag).</summary>
    public async Task<int> GetApproximateCountAsync(CancellationToken cancellationToken = default)
    {
        var uri = Address(string.Empty);
        uri.AppendQuery("comp", "metadata", escapeValue: true);
        using var message = Create(RequestMethod.Get, uri);
        var response = await _pipeline.SendCheckedAsync(message, $"Counting messages in queue {Name}", cancellationToken).ConfigureAwait(false);
        return response.Headers.TryGetValue("x-ms-approximate-messages-count", out var count)
            ? int.Parse(count, NumberStyles.Integer, CultureInfo.InvariantCulture)
            : throw new StorageRequestException($"Counting messages in queue {Name} returned no x-ms-approximate-messages-count header.");
    }

    private RequestUriBuilder Address(string suffix) => Endpoints.Address(_endpoint, suffix);

    private HttpMessage Create(RequestMethod method, RequestUriBuilder uri, byte[]? body = null)
    {
        var message = _pipeline.CreateMessage(StorageService.Queue, method, uri);
        if (body is not null)
        {
            message.Request.Headers.SetValue(HttpHeader.Names.ContentType, ContentType);
            message.Request.Content = RequestContent.Create(body);
        }

        return message;
    }

    private static void CheckCount(int maxMessages)
    {
        if (maxMessages is < 1 or > MaxMessagesPerCall)
        {
            throw new ArgumentOutOfRangeException(nameof(maxMessages), maxMessages, $"Between 1 and {MaxMessagesPerCall} messages can be requested at a time.");
        }
    }

    private static long Seconds(TimeSpan value, TimeSpan minimum, string parameterName) =>
        value >= minimum && value <= MaxVisibility
            ? (long)value.TotalSeconds
            : throw new ArgumentOutOfRangeException(parameterName, value, $"Must be between {minimum.TotalSeconds:0} seconds and 7 days.");
}
