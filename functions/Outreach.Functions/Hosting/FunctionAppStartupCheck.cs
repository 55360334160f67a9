using Outreach.Functions.Invocation;

namespace Outreach.Functions.Hosting;

/// <summary>
/// Runs <see cref="FunctionAppCheck"/> while the request pipeline is built, the first moment every mapped endpoint is
/// known and still before the server listens: a handler whose functions disagree with its function.json files never
/// answers the host (which would otherwise fail invocation by invocation).
/// </summary>
internal sealed partial class FunctionAppStartupCheck(ILogger<FunctionAppStartupCheck> logger) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
    {
        next(builder);
        Check(builder.ApplicationServices);
    };

    private void Check(IServiceProvider services)
    {
        var app = services.GetRequiredService<FunctionApp>();
        var httpEndpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Function: e.Metadata.GetMetadata<HttpFunctionMetadata>()))
            .Where(e => e.Function is not null)
            .Select(e => new HttpFunctionEndpoint(
                e.Function!.Name,
                e.Endpoint.DisplayName ?? e.Endpoint.RoutePattern.RawText ?? e.Function.Name,
                "/" + (e.Endpoint.RoutePattern.RawText ?? "").TrimStart('/'),
                e.Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Select(m => m.ToUpperInvariant()).ToList() ?? []))
            .ToList();
        var mismatches = FunctionAppCheck.FindMismatches(app, services.GetRequiredService<FunctionRegistry>().Registrations, httpEndpoints);
        if (mismatches.Count > 0)
        {
            throw new FunctionAppConfigurationException(
                $"The functions in {app.RootPath} do not match the functions this handler implements:\n- {string.Join("\n- ", mismatches)}");
        }

        LogChecked(logger, app.Functions.Count, app.RootPath);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} functions in {Root} match their function.json files")]
    private static partial void LogChecked(ILogger logger, int count, string root);
}
