using Microsoft.Extensions.DependencyInjection;
using Outreach.Functions.Invocation;

namespace Outreach.Functions.Tests.Support;

/// <summary>
/// Unregisters one queue or timer function that <c>AddQueueFunction&lt;T&gt;()</c> or <c>AddTimerFunction&lt;T&gt;()</c>
/// registered: the class and its <see cref="IQueueFunction"/> or <see cref="ITimerFunction"/> alias.
/// </summary>
internal static class FunctionRemoval
{
    public static IServiceCollection RemoveQueueFunction<T>(this IServiceCollection services)
        where T : class, IQueueFunction => services.Remove<T, IQueueFunction>();

    public static IServiceCollection RemoveTimerFunction<T>(this IServiceCollection services)
        where T : class, ITimerFunction => services.Remove<T, ITimerFunction>();

    private static IServiceCollection Remove<T, TAlias>(this IServiceCollection services)
    {
        // The alias is a factory lambda compiled inside AddQueueFunction<T> (AddTimerFunction<T>), so its closure class is generic over T.
        var registrations = services.Where(d => d.ServiceType == typeof(T)
            || (d.ServiceType == typeof(TAlias) && d.ImplementationFactory?.Method.DeclaringType?.GetGenericArguments() is [var t] && t == typeof(T)))
            .ToList();
        foreach (var registration in registrations)
        {
            services.Remove(registration);
        }

        return services;
    }
}
