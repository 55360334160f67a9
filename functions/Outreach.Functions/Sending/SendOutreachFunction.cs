using System.Text.Json;
using Outreach.Core.Messaging.Delivery;
using Outreach.Core.Planning;
using Outreach.Core.Sending;
using Outreach.Functions.Hosting;
using Outreach.Functions.Invocation;

namespace Outreach.Functions.Sending;

/// <summary>
/// The queue consumer of <c>send-outreach</c>: one <see cref="SendRequest"/> per message, handed to <see cref="TaskSender"/>.
/// A failed outcome makes the host (or the local runner) deliver the message again after the visibility timeout; on the
/// last delivery (<c>maxDequeueCount</c> in host.json) a transient failure fails the task, and the failed outcome sends
/// the message to the poison queue. The sender and tables are lazy because the function registry instantiates every
/// function to read its name at startup, before storage or tokens need to be configured.
/// </summary>
internal sealed partial class SendOutreachFunction(Lazy<TaskSender> sender, Lazy<SendingTables> tables, FunctionApp app, ILogger<SendOutreachFunction> logger) : IQueueFunction
{
    public string Name => "SendOutreach";

    public string TriggerBinding => "task";

    public async Task<FunctionOutcome> HandleAsync(QueueTrigger trigger, CancellationToken cancellationToken)
    {
        SendRequest? request;
        try
        {
            request = trigger.ReadJson<SendRequest>();
        }
        catch (JsonException)
        {
            request = null;
        }

        if (request is not { OwnerId.Length: > 0, TaskId.Length: > 0 })
        {
            return FunctionOutcome.Failed($"Queue message {trigger.Id} is not a send request {{ownerId, taskId}}.");
        }

        await tables.Value.EnsureCreatedAsync(cancellationToken);
        var isLastAttempt = trigger.DequeueCount >= app.Host.Extensions.Queues.MaxDequeueCount;
        var attempt = await sender.Value.SendAsync(request, isLastAttempt, cancellationToken);
        LogAttempt(request.TaskId, new LoggedMessageId(attempt.MessageId), attempt.Kind, trigger.DequeueCount);
        return attempt.Retry
            ? FunctionOutcome.Failed($"Task {request.TaskId}: {attempt.Kind} ({attempt.Reason}).")
            : FunctionOutcome.Success();
    }

    // Task id, Message-ID and result kind only: never addresses or bodies.
    [LoggerMessage(Level = LogLevel.Information, Message = "SendOutreach task {TaskId} message {MessageId}: {Kind} (delivery {DequeueCount})")]
    private partial void LogAttempt(string taskId, LoggedMessageId messageId, SendAttemptKind kind, long dequeueCount);
}
