namespace Outreach.Functions.Invocation;

/// <summary>
/// A timer-triggered function: one small class, registered with <c>services.AddTimerFunction&lt;T&gt;()</c>, beside a
/// <c>functions/&lt;Name&gt;/function.json</c> whose timerTrigger binding is named <see cref="TriggerBinding"/>.
/// </summary>
internal interface ITimerFunction
{
    /// <summary>The function folder's name; the host POSTs invocations to <c>/&lt;Name&gt;</c>.</summary>
    string Name { get; }

    /// <summary>The name of the timerTrigger binding in function.json.</summary>
    string TriggerBinding { get; }

    /// <summary>Output bindings the function fills (see <see cref="FunctionOutcome"/>); each must be declared in function.json.</summary>
    IReadOnlyCollection<string> OutputBindings => [];

    /// <summary>Runs one occurrence. A failure is logged by the host; the next occurrence still fires.</summary>
    Task<FunctionOutcome> HandleAsync(TimerTrigger trigger, CancellationToken cancellationToken);
}
