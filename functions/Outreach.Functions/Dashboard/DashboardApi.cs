using Outreach.Functions.Hosting;
using Outreach.Functions.Invocation;
using Outreach.Functions.Security;

namespace Outreach.Functions.Dashboard;

/// <summary>
/// The dashboard: <c>GET /api/dashboard</c> (function <c>Dashboard</c>) is the page and <c>GET /api/dashboard/assets/{file}</c>
/// (function <c>DashboardAsset</c>) its scripts and styles, all embedded in the handler so the page works offline and
/// ships with every publish. Both are anonymous and, alone under the prefix, left cacheable (<see cref="NoStoreResponses"/>):
/// the page holds no data; it asks for an API key and sends it as a Bearer key to the API. They are served with an entity
/// tag (a hash of the file) and <c>Cache-Control: no-cache</c>: a browser asks again each time, so a new version is used
/// as soon as it is published, and gets 304 with no body while its copy is current. <c>GET /dashboard</c> outside
/// the function prefix redirects there for people who type it.
/// </summary>
internal static class DashboardApi
{
    public const string PageFunction = "Dashboard";
    public const string AssetFunction = "DashboardAsset";
    public const string PageFile = "index.html";

    public static IServiceCollection AddDashboard(this IServiceCollection services) =>
        services.AddSingleton(_ => DashboardAssets.FromAssembly(typeof(DashboardApi).Assembly));

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder functions)
    {
        functions.MapGet("/dashboard", (HttpRequest request, DashboardAssets assets) => Page(request, assets))
            .AsFunction(PageFunction).WithName(PageFunction).AllowAnonymous().AllowCaching();
        functions.MapGet("/dashboard/assets/{file}", (string file, HttpResponse response, DashboardAssets assets) => Serve(response, assets, file))
            .AsFunction(AssetFunction).WithName(AssetFunction).AllowAnonymous().AllowCaching();
        return functions;
    }

    /// <summary>Maps <c>GET /dashboard</c> (outside the function prefix) to a redirect to the page; only the local server sees it.</summary>
    public static IEndpointConventionBuilder MapDashboardShortcut(this IEndpointRouteBuilder app)
    {
        var prefix = app.ServiceProvider.GetRequiredService<FunctionApp>().Host.Extensions.Http.RoutePrefix.Trim('/');
        var page = prefix.Length == 0 ? "/dashboard" : $"/{prefix}/dashboard";
        return app.MapGet("/dashboard", () => TypedResults.Redirect(page)).ExcludeFromDescription();
    }

    /// <summary>
    /// The page; at its address with a trailing slash (which routing matches too), a redirect to the one without, since
    /// the page names its scripts and styles relative to its address and they would not be found from the other.
    /// </summary>
    private static IResult Page(HttpRequest request, DashboardAssets assets) =>
        request.Path.Value is { Length: > 1 } path && path.EndsWith('/')
            ? TypedResults.Redirect(request.PathBase + path.TrimEnd('/') + request.QueryString)
            : Serve(request.HttpContext.Response, assets, PageFile);

    /// <summary>The file with its entity tag, or 304 when the request's <c>If-None-Match</c> names it; revalidated on every use.</summary>
    private static IResult Serve(HttpResponse response, DashboardAssets assets, string file)
    {
        if (assets.Find(file) is not { } asset)
        {
            return TypedResults.NotFound();
        }

        response.Headers.CacheControl = "no-cache";
        return TypedResults.Bytes(asset.Content, asset.ContentType, entityTag: asset.ETag);
    }
}
