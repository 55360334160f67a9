using Microsoft.Extensions.DependencyInjection;
using Outreach.Functions.Invocation;

namespace Outreach.Functions.Tests.Support;

/// <summary>Unregisters one queue function that <c>AddQueueFunction&lt;T&gt;()</c> registered (the class and its IQueueFunction alias).</summary>
internal static class QueueFunctionRemoval
{
    public static IServiceCollection RemoveQueueFunction<T>(this IServiceCollection services)
        where T : class, IQueueFunction
    {
        // The alias is a factory lambda compiled inside AddQueueFunction<T>, so its closure class is generic over T.
        var registrations = services.Where(d => d.ServiceType == typeof(T)
            || (d.ServiceType == typeof(IQueueFunction) && d.ImplementationFactory?.Method.DeclaringType?.GetGenericArguments() is [var t] && t == typeof(T)))
            .ToList();
        foreach (var registration in registrations)
        {
            services.Remove(registration);
        }

        return services;
    }
}
