namespace Outreach.Functions.Limits;

/// <summary>Registers the limits options (validated at start-up), the rate limiter and the problem-details exception mapping.</summary>
internal static class LimitsServiceCollectionExtensions
{
    public static IServiceCollection AddRequestLimits(this IServiceCollection services)
    {
        services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddApiRateLimiting();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services;
    }
}
