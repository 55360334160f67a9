namespace Outreach.Functions.LocalRunner;

/// <summary>Registers the local trigger runner; it decides at start whether to run (no Functions host, enabled).</summary>
internal static class LocalRunnerServiceCollectionExtensions
{
    public static IServiceCollection AddLocalTriggerRunner(this IServiceCollection services)
    {
        services.AddOptions<LocalRunnerOptions>().BindConfiguration(LocalRunnerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TriggerListenerFactory>();
        services.AddHostedService<LocalTriggerRunner>();

        // Leave the runner time to finish in-flight work and release messages before the host gives up on stopping.
        services.AddOptions<HostOptions>().Configure<Microsoft.Extensions.Options.IOptions<LocalRunnerOptions>>((host, runner) =>
        {
            var needed = runner.Value.ShutdownGracePeriod + TimeSpan.FromSeconds(15);
            if (host.ShutdownTimeout < needed)
            {
                host.ShutdownTimeout = needed;
            }
        });
        return services;
    }
}
