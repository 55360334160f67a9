using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Outreach.Functions.Limits;

/// <summary>
/// Per-endpoint body limits: <see cref="LimitsOptions.MaxRequestBytes"/> everywhere, <see cref="LimitsOptions.MaxUploadBytes"/>
/// on endpoints marked <see cref="AllowsUpload{TBuilder}"/>. A declared Content-Length over the limit is answered 413 before
/// anything is read; a chunked body is cut off by the server at the same limit while it is read (then the exception
/// handler answers 413, see <see cref="ProblemExceptionHandler"/>).
/// </summary>
internal static class RequestBodyLimits
{
    public static TBuilder AllowsUpload<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(UploadEndpointMetadata.Instance);

    public static (long Bytes, string Setting) For(Endpoint? endpoint, LimitsOptions limits) =>
        endpoint?.Metadata.GetMetadata<UploadEndpointMetadata>() is not null
            ? (limits.MaxUploadBytes, "Limits:MaxUploadBytes")
            : (limits.MaxRequestBytes, "Limits:MaxRequestBytes");

    /// <summary>Runs after routing, so the endpoint (and whether it takes uploads) is known.</summary>
    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var (limit, setting) = For(context.GetEndpoint(), context.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value);
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>()
                .WriteAsync(LimitProblems.TooLarge(context, limit, setting)).ConfigureAwait(false);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        await next(context).ConfigureAwait(false);
    });
}
