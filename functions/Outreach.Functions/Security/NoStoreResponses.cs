using Outreach.Functions.Hosting;

namespace Outreach.Functions.Security;

/// <summary>
/// <c>Cache-Control: no-store</c> on every answer under the HTTP functions' prefix (<c>/api</c>): JSON, problem details,
/// CSV downloads and the small HTML pages alike. They hold contacts, drafts, figures, introductions and import reports,
/// which neither a shared computer's browser cache nor a proxy on the way may keep. A response that sets its own
/// Cache-Control keeps it, and an endpoint marked <see cref="AllowCaching{TBuilder}"/> (the dashboard's page and assets,
/// which hold no data) is left as it is. The header is set when the response starts, so error answers get it too.
/// </summary>
internal static class NoStoreResponses
{
    public const string NoStore = "no-store";

    /// <summary>Leaves the caching of this function's answers alone: for endpoints whose answers hold no personal data.</summary>
    public static TBuilder AllowCaching<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(CacheableResponse.Instance);

    public static WebApplication UseNoStoreResponses(this WebApplication app)
    {
        var prefix = app.Services.GetRequiredService<FunctionApp>().Host.Extensions.Http.RoutePrefix.Trim('/');
        var functions = new PathString("/" + prefix);
        app.UseWhen(
            context => prefix.Length == 0 || context.Request.Path.StartsWithSegments(functions, StringComparison.OrdinalIgnoreCase),
            api => api.Use((context, next) =>
            {
                context.Response.OnStarting(() =>
                {
                    // Read when the response starts: routing has chosen the endpoint by then, and an exception handler
                    // that took over has cleared it, so its problem details are not stored either.
                    if (context.Response.Headers.CacheControl.Count == 0 && context.GetEndpoint()?.Metadata.GetMetadata<CacheableResponse>() is null)
                    {
                        context.Response.Headers.CacheControl = NoStore;
                    }

                    return Task.CompletedTask;
                });
                return next(context);
            }));
        return app;
    }
}
