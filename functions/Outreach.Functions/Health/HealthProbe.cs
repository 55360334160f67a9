using System.Reflection;
using Outreach.Functions.Hosting;
using Outreach.Functions.LocalRunner;
using Outreach.Storage;

namespace Outreach.Functions.Health;

/// <summary>
/// Asks the queue service for every trigger queue's approximate count (and its poison queue's). Any answer from
/// storage, even "queue not found", shows that storage is reachable and accepts the app's credentials.
/// </summary>
internal sealed class HealthProbe(IServiceProvider services, FunctionApp app)
{
    /// <summary>Asked when the app has no queue triggers; it need not exist.</summary>
    public const string ProbeQueue = "outreach-health";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static string Version { get; } =
        typeof(HealthProbe).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        StorageAccount storage;
        try
        {
            storage = services.GetRequiredService<StorageAccount>();
        }
        catch (FunctionAppConfigurationException e)
        {
            return new HealthReport(Version, StorageStates.NotConfigured, e.Message, []);
        }

        var triggerQueues = app.Functions.Where(f => f.Trigger.Is(BindingTypes.QueueTrigger))
            .Select(f => f.Trigger.QueueName!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            if (triggerQueues.Count == 0)
            {
                await CountAsync(storage, ProbeQueue, timeout.Token).ConfigureAwait(false);
            }

            var queues = await Task.WhenAll(triggerQueues.Select(async name => new QueueHealth(
                name,
                await CountAsync(storage, name, timeout.Token).ConfigureAwait(false),
                PoisonQueue.NameFor(name) is { } poison ? await CountAsync(storage, poison, timeout.Token).ConfigureAwait(false) : null))).ConfigureAwait(false);
            return new HealthReport(Version, StorageStates.Ok, null, queues);
        }
        catch (StorageRequestException e)
        {
            return new HealthReport(Version, e.Status == 0 ? StorageStates.Unreachable : StorageStates.Rejected, e.Message, []);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthReport(Version, StorageStates.Unreachable, $"No answer from {storage.QueueEndpoint} within {Timeout.TotalSeconds:0} s.", []);
        }
    }

    private static async Task<int?> CountAsync(StorageAccount storage, string queue, CancellationToken cancellationToken)
    {
        try
        {
            return await storage.GetQueue(queue).GetApproximateCountAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (StorageRequestException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            return null;
        }
    }
}
