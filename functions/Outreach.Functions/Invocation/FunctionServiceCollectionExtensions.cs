namespace Outreach.Functions.Invocation;

/// <summary>One line per function: <c>services.AddQueueFunction&lt;SendOutreachFunction&gt;()</c>.</summary>
internal static class FunctionServiceCollectionExtensions
{
    public static IServiceCollection AddQueueFunction<T>(this IServiceCollection services)
        where T : class, IQueueFunction
    {
        services.AddScoped<T>();
        services.AddScoped<IQueueFunction>(sp => sp.GetRequiredService<T>());
        return services;
    }

    public static IServiceCollection AddTimerFunction<T>(this IServiceCollection services)
        where T : class, ITimerFunction
    {
        services.AddScoped<T>();
        services.AddScoped<ITimerFunction>(sp => sp.GetRequiredService<T>());
        return services;
    }
}
