using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Outreach.Functions.Limits;

/// <summary>
/// The caller's address behind the proxies <see cref="LimitsOptions.ForwardedHops"/> counts: ASP.NET's forwarded-headers
/// middleware takes that many <c>X-Forwarded-For</c> entries from the right (the ones those proxies appended) as the
/// connection's remote address. Any proxy is trusted for them: the handler behind the Functions host listens on loopback
/// only, so the only peer that can set the header is the host passing on what the front end wrote. Off (0) by default.
/// </summary>
internal static class ForwardedClientAddress
{
    public static IServiceCollection AddForwardedClientAddress(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<LimitsOptions>>((forwarded, limits) =>
        {
            var hops = limits.Value.ForwardedHops;
            forwarded.ForwardedHeaders = hops > 0 ? ForwardedHeaders.XForwardedFor : ForwardedHeaders.None;
            forwarded.ForwardLimit = hops;
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
        });
        return services;
    }
}
