using System.Text.Json;
using System.Text.Json.Serialization;

namespace Outreach.Core.Planning;

/// <summary>
/// The message on the send queue: which owner's task to send. The dispatcher writes it (with a visibility delay up to
/// the task's send time); the send function reads it, claims the task by ETag and sends. It carries ids only, so a
/// queue message never holds an address or a body.
/// </summary>
/// <param name="OwnerId">The task's owner (the Tasks partition).</param>
/// <param name="TaskId">The task (the Tasks row).</param>
public sealed record SendRequest(
    [property: JsonPropertyName("ownerId")] string OwnerId,
    [property: JsonPropertyName("taskId")] string TaskId)
{
    /// <summary>The queue the dispatcher fills and the send function drains.</summary>
    public const string QueueName = "send-outreach";

    /// <summary>The message text: <c>{"ownerId":"…","taskId":"…"}</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>Reads a message written by <see cref="ToJson"/>.</summary>
    /// <exception cref="DomainException">Not a JSON object with non-empty <c>ownerId</c> and <c>taskId</c> (code <c>send-request.invalid</c>).</exception>
    public static SendRequest Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        SendRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<SendRequest>(json);
        }
        catch (JsonException e)
        {
            throw new DomainException("send-request.invalid", $"A send request is a JSON object with ownerId and taskId: {e.Message}", "message");
        }

        return request is { OwnerId.Length: > 0, TaskId.Length: > 0 }
            ? request
            : throw new DomainException("send-request.invalid", "A send request needs a non-empty ownerId and taskId.", "message");
    }
}
