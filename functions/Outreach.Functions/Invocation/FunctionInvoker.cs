using System.Text.Json;
using Outreach.Functions.Hosting;

namespace Outreach.Functions.Invocation;

/// <summary>Runs one queue or timer invocation: finds the function, reads its trigger from the envelope, answers the host.</summary>
internal sealed partial class FunctionInvoker(FunctionApp app, FunctionRegistry registry, TimeProvider time, ILogger<FunctionInvoker> logger)
{
    public async Task<IResult> InvokeAsync(
        string functionName, JsonElement body, IServiceProvider services, string? invocationId, CancellationToken cancellationToken)
    {
        var definition = app.Find(functionName);
        var registration = registry.Find(functionName);
        if (definition is null || registration is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound, title: $"No queue or timer function named '{functionName}'.");
        }

        var started = time.GetTimestamp();
        FunctionOutcome outcome;
        try
        {
            var envelope = InvocationEnvelope.Parse(body);
            var function = services.GetRequiredService(registration.Implementation);
            outcome = function switch
            {
                IQueueFunction queue => await queue.HandleAsync(QueueTriggerReader.Read(envelope, definition.Trigger), cancellationToken).ConfigureAwait(false),
                ITimerFunction timer => await timer.HandleAsync(TimerTriggerReader.Read(envelope, definition.Trigger), cancellationToken).ConfigureAwait(false),
                _ => throw new InvalidOperationException($"{registration.Implementation.Name} is neither a queue nor a timer function."),
            };
        }
        catch (InvalidEnvelopeException e)
        {
            LogInvalidEnvelope(logger, definition.Name, invocationId, e.Field, e);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest, title: "The invocation body cannot be read.", detail: e.Message,
                extensions: new Dictionary<string, object?> { ["field"] = e.Field });
        }

        var elapsed = time.GetElapsedTime(started);
        if (outcome.Succeeded)
        {
            LogSucceeded(logger, definition.Name, invocationId, elapsed.TotalMilliseconds);
        }
        else
        {
            LogFailed(logger, definition.Name, invocationId, outcome.Failure!, elapsed.TotalMilliseconds);
        }

        return InvocationResponse.From(outcome);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Function {Function} ({InvocationId}) succeeded in {ElapsedMs:0} ms")]
    private static partial void LogSucceeded(ILogger logger, string function, string? invocationId, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {Function} ({InvocationId}) failed in {ElapsedMs:0} ms: {Reason}")]
    private static partial void LogFailed(ILogger logger, string function, string? invocationId, string reason, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {Function} ({InvocationId}) got an unreadable invocation body at {Field}")]
    private static partial void LogInvalidEnvelope(ILogger logger, string function, string? invocationId, string field, Exception exception);
}
