using Microsoft.Extensions.Options;
using Outreach.Functions.Hosting;
using Outreach.Storage;

namespace Outreach.Functions.LocalRunner;

/// <summary>Creates one listener per queue- or timer-triggered function.json (HTTP functions need none: callers reach them directly).</summary>
internal sealed class TriggerListenerFactory(IServiceProvider services, IOptions<LocalRunnerOptions> options, TimeProvider time, ILoggerFactory loggers)
{
    public IReadOnlyList<ITriggerListener> Create(FunctionApp app, FunctionInvocationClient client)
    {
        var listeners = new List<ITriggerListener>();
        var queues = app.Host.Extensions.Queues;
        QueueOutputWriter? outputs = null;
        foreach (var function in app.Functions)
        {
            if (function.Trigger.Is(BindingTypes.TimerTrigger))
            {
                listeners.Add(new TimerTriggerListener(function, client, time, loggers.CreateLogger<TimerTriggerListener>()));
            }
            else if (function.Trigger.Is(BindingTypes.QueueTrigger))
            {
                // Resolved only when a queue function exists, so a timer-only app needs no storage setting.
                var storage = services.GetRequiredService<StorageAccount>();
                outputs ??= new QueueOutputWriter(storage, queues);
                listeners.Add(new QueueTriggerListener(
                    function, queues, storage, outputs, client, options.Value.MessageLease, time, loggers.CreateLogger<QueueTriggerListener>()));
            }
        }

        return listeners;
    }
}
