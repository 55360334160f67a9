using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using Outreach.Functions.Hosting;

namespace Outreach.Functions.LocalRunner;

/// <summary>
/// Plays the Functions host's part when there is none (no <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>): reads the same
/// function.json files, polls the queues and fires the timers, and POSTs the same envelopes to the handler's own
/// address. On shutdown it stops taking work at once, lets invocations in flight finish within the grace period,
/// and then cancels the rest, whose messages are made visible again.
/// </summary>
internal sealed partial class LocalTriggerRunner(
    IServiceProvider services,
    IConfiguration configuration,
    IOptions<LocalRunnerOptions> options,
    IServer server,
    IHostApplicationLifetime lifetime,
    TriggerListenerFactory listeners,
    ILogger<LocalTriggerRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (FunctionHostEnvironment.Port(configuration) is not null)
        {
            LogHostPresent(logger);
            return;
        }

        if (!options.Value.Enabled)
        {
            LogDisabled(logger);
            return;
        }

        // Invocations go over HTTP to this very server, which listens only once every hosted service has started.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        {
            try
            {
                await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var app = services.GetRequiredService<FunctionApp>();
        var address = HandlerAddress.Resolve(server);
        using var client = new FunctionInvocationClient(new HttpClient
        {
            BaseAddress = address,
            Timeout = app.Host.FunctionTimeout is { } limit ? limit + TimeSpan.FromMinutes(1) : Timeout.InfiniteTimeSpan,
        });
        var running = listeners.Create(app, client);
        LogStarted(logger, running.Count, address);

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        using var abort = new CancellationTokenSource();
        var grace = options.Value.ShutdownGracePeriod;
        using var graceTimer = stopping.Token.Register(() => abort.CancelAfter(grace));
        await Task.WhenAll(running.Select(listener => Task.Run(() => listener.RunAsync(stopping.Token, abort.Token), CancellationToken.None)))
            .ConfigureAwait(false);
        LogStopped(logger);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A Functions host runs this handler; the local trigger runner stays off")]
    private static partial void LogHostPresent(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "The local trigger runner is disabled (LocalRunner:Enabled=false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "The local trigger runner drives {Count} triggers through {Address}")]
    private static partial void LogStarted(ILogger logger, int count, Uri address);

    [LoggerMessage(Level = LogLevel.Information, Message = "The local trigger runner stopped")]
    private static partial void LogStopped(ILogger logger);
}
