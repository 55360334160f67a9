using System.Text.Json;

namespace Outreach.Functions.Invocation;

/// <summary>
/// A queue message as the host delivers it: <see cref="Message"/> is the text exactly as it was enqueued (already
/// base64-decoded per host.json messageEncoding), with the message's metadata.
/// </summary>
internal sealed record QueueTrigger(
    string Message,
    string Id,
    string? PopReceipt,
    long DequeueCount,
    DateTimeOffset? InsertionTime,
    DateTimeOffset? ExpirationTime,
    DateTimeOffset? NextVisibleTime)
{
    /// <summary>Reads the message as JSON into <typeparamref name="T"/>; a message that is not that JSON is the caller's to reject.</summary>
    public T? ReadJson<T>(JsonSerializerOptions? options = null) => JsonSerializer.Deserialize<T>(Message, options ?? JsonSerializerOptions.Web);
}
