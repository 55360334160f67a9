using Outreach.Functions.Invocation;

namespace Outreach.Functions.Hosting;

/// <summary>
/// Runs <see cref="FunctionAppCheck"/> before the server starts listening, so a handler whose functions disagree with
/// its function.json files never answers the host (which would otherwise fail invocation by invocation).
/// </summary>
internal sealed partial class FunctionAppStartupCheck(
    IServiceProvider services, FunctionRegistry registry, EndpointDataSource endpoints, ILogger<FunctionAppStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var app = services.GetRequiredService<FunctionApp>();
        var httpEndpoints = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Function: e.Metadata.GetMetadata<HttpFunctionMetadata>()))
            .Where(e => e.Function is not null)
            .Select(e => new HttpFunctionEndpoint(
                e.Function!.Name,
                e.Endpoint.DisplayName ?? e.Endpoint.RoutePattern.RawText ?? e.Function.Name,
                "/" + (e.Endpoint.RoutePattern.RawText ?? "").TrimStart('/'),
                e.Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Select(m => m.ToUpperInvariant()).ToList() ?? []))
            .ToList();
        var mismatches = FunctionAppCheck.FindMismatches(app, registry.Registrations, httpEndpoints);
        if (mismatches.Count > 0)
        {
            throw new FunctionAppConfigurationException(
                $"The functions in {app.RootPath} do not match the functions this handler implements:\n- {string.Join("\n- ", mismatches)}");
        }

        LogChecked(logger, app.Functions.Count, app.RootPath);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} functions in {Root} match their function.json files")]
    private static partial void LogChecked(ILogger logger, int count, string root);
}
