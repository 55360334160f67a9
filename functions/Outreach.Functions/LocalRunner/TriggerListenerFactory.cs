using Outreach.Functions.Hosting;

namespace Outreach.Functions.LocalRunner;

/// <summary>Creates one listener per queue- or timer-triggered function.json (HTTP functions need none: callers reach them directly).</summary>
internal sealed class TriggerListenerFactory(TimeProvider time, ILoggerFactory loggers)
{
    public IReadOnlyList<ITriggerListener> Create(FunctionApp app, FunctionInvocationClient client)
    {
        var listeners = new List<ITriggerListener>();
        foreach (var function in app.Functions)
        {
            if (function.Trigger.Is(BindingTypes.TimerTrigger))
            {
                listeners.Add(new TimerTriggerListener(function, client, time, loggers.CreateLogger<TimerTriggerListener>()));
            }
        }

        return listeners;
    }
}
