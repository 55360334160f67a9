namespace Outreach.Functions.Invocation;

/// <summary>
/// A timer-triggered function: one small class, registered with <c>services.AddTimerFunction&lt;T&gt;()</c>, beside a
/// <c>functions/&lt;Name&gt;/function.json</c> whose timerTrigger binding is named <see cref="IFunction.TriggerBinding"/>.
/// </summary>
internal interface ITimerFunction : IFunction
{
    /// <summary>Runs one occurrence. A failure is logged by the host; the next occurrence still fires.</summary>
    Task<FunctionOutcome> HandleAsync(TimerTrigger trigger, CancellationToken cancellationToken);
}
