using Microsoft.Extensions.DependencyInjection;
using Outreach.Functions.Invocation;

namespace Outreach.Functions.Tests.Support;

/// <summary>Unregisters one timer function that <c>AddTimerFunction&lt;T&gt;()</c> registered (the class and its ITimerFunction alias).</summary>
internal static class TimerFunctionRemoval
{
    public static IServiceCollection RemoveTimerFunction<T>(this IServiceCollection services)
        where T : class, ITimerFunction
    {
        // The alias is a factory lambda compiled inside AddTimerFunction<T>, so its closure class is generic over T.
        var registrations = services.Where(d => d.ServiceType == typeof(T)
            || (d.ServiceType == typeof(ITimerFunction) && d.ImplementationFactory?.Method.DeclaringType?.GetGenericArguments() is [var t] && t == typeof(T)))
            .ToList();
        foreach (var registration in registrations)
        {
            services.Remove(registration);
        }

        return services;
    }
}
