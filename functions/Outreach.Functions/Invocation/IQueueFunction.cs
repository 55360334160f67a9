namespace Outreach.Functions.Invocation;

/// <summary>
/// A queue-triggered function: one small class, registered with <c>services.AddQueueFunction&lt;T&gt;()</c>, beside a
/// <c>functions/&lt;Name&gt;/function.json</c> whose queueTrigger binding is named <see cref="TriggerBinding"/>.
/// </summary>
internal interface IQueueFunction
{
    /// <summary>The function folder's name; the host POSTs invocations to <c>/&lt;Name&gt;</c>.</summary>
    string Name { get; }

    /// <summary>The name of the queueTrigger binding in function.json (the key of the message in <c>Data</c>).</summary>
    string TriggerBinding { get; }

    /// <summary>Output bindings the function fills (see <see cref="FunctionOutcome"/>); each must be declared in function.json.</summary>
    IReadOnlyCollection<string> OutputBindings => [];

    /// <summary>
    /// Handles one message. A failed outcome (or an exception) answers the host with 500, so the message becomes
    /// visible again after host.json's visibilityTimeout and goes to <c>&lt;queue&gt;-poison</c> after maxDequeueCount.
    /// </summary>
    Task<FunctionOutcome> HandleAsync(QueueTrigger trigger, CancellationToken cancellationToken);
}
