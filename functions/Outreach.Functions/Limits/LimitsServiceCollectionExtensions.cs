namespace Outreach.Functions.Limits;

/// <summary>
/// Registers the limits options (validated at start-up), the client address behind known proxies, the rate limiter and the problem-details exception mapping
/// (binding failures included: they throw in every environment).
/// </summary>
internal static class LimitsServiceCollectionExtensions
{
    public static IServiceCollection AddRequestLimits(this IServiceCollection services)
    {
        services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddForwardedClientAddress();
        services.AddApiRateLimiting();
        services.AddExceptionHandler<ProblemExceptionHandler>();

        // Off outside Development by default, and then a body the binder cannot read is a bare 400 nobody can act on.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }
}
