namespace Outreach.Functions.Invocation;

/// <summary>
/// A queue-triggered function: one small class, registered with <c>services.AddQueueFunction&lt;T&gt;()</c>, beside a
/// <c>functions/&lt;Name&gt;/function.json</c> whose queueTrigger binding is named <see cref="IFunction.TriggerBinding"/>.
/// </summary>
internal interface IQueueFunction : IFunction
{
    /// <summary>
    /// Handles one message. A failed outcome (or an exception) answers the host with 500, so the message becomes
    /// visible again after host.json's visibilityTimeout and goes to <c>&lt;queue&gt;-poison</c> after maxDequeueCount.
    /// </summary>
    Task<FunctionOutcome> HandleAsync(QueueTrigger trigger, CancellationToken cancellationToken);
}
