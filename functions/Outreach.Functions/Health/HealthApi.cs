using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Functions.Invocation;

namespace Outreach.Functions.Health;

/// <summary>
/// The <c>Health</c> function (<c>functions/Health/function.json</c>): <c>GET /api/health</c> reports the app version
/// and whether storage answers; 200 when it does, 503 when not, so probes and load balancers can use it as is.
/// </summary>
internal static class HealthApi
{
    public const string FunctionName = "Health";

    public static IServiceCollection AddHealthFunction(this IServiceCollection services) => services.AddSingleton<HealthProbe>();

    public static RouteHandlerBuilder MapHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/health", CheckAsync).AsFunction(FunctionName).WithName(FunctionName);

    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> CheckAsync(HealthProbe probe, CancellationToken cancellationToken)
    {
        var report = await probe.CheckAsync(cancellationToken).ConfigureAwait(false);
        return report.Healthy
            ? TypedResults.Ok(report)
            : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
