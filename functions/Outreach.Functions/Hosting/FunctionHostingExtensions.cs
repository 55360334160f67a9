using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Outreach.Functions.Invocation;

namespace Outreach.Functions.Hosting;

/// <summary>Wires the custom-handler side: the app definition, the invocation endpoint's services and the start-up check.</summary>
internal static class FunctionHostingExtensions
{
    public static WebApplicationBuilder AddFunctionHost(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<FunctionAppOptions>().BindConfiguration(FunctionAppOptions.SectionName);
        services.AddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            var root = FunctionHostEnvironment.LocateAppRoot(
                configuration, sp.GetRequiredService<IOptions<FunctionAppOptions>>().Value, sp.GetRequiredService<IHostEnvironment>().ContentRootPath);
            return FunctionAppLoader.Load(root, name => configuration[name]);
        });
        services.AddSingleton<FunctionRegistry>();
        services.AddSingleton<FunctionInvoker>();
        services.AddTransient<IStartupFilter, FunctionAppStartupCheck>();
        services.AddProblemDetails();
        services.TryAddSingleton(TimeProvider.System);

        // The host calls http://127.0.0.1:<port>; without a host, ASPNETCORE_URLS or the defaults apply.
        if (FunctionHostEnvironment.Port(builder.Configuration) is { } port)
        {
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        }

        return builder;
    }

    /// <summary>
    /// The group HTTP functions map into, at host.json's routePrefix: the host forwards <c>/api/health</c> to the
    /// handler's <c>/api/health</c>.
    /// </summary>
    public static RouteGroupBuilder MapHttpFunctions(this IEndpointRouteBuilder endpoints)
    {
        var prefix = endpoints.ServiceProvider.GetRequiredService<FunctionApp>().Host.Extensions.Http.RoutePrefix.Trim('/');
        return endpoints.MapGroup("/" + prefix);
    }

    /// <summary>The host polls <c>GET /</c> until any HTTP answer comes back; that is its readiness check.</summary>
    public static IEndpointConventionBuilder MapReadiness(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/", () => TypedResults.Ok(new { service = "outreach" })).ExcludeFromDescription();
}
