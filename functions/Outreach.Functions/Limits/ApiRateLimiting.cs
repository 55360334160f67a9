using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Outreach.Functions.Security;

namespace Outreach.Functions.Limits;

/// <summary>
/// The <c>api</c> rate-limit policy: a fixed one-minute window of <see cref="LimitsOptions.RequestsPerMinute"/> requests
/// per API key (partitioned by the verified key id, so a wrong secret cannot spend someone else's allowance), and per
/// client address for anonymous calls (behind the Functions host, the one its front end forwarded:
/// <see cref="LimitsOptions.ForwardedHops"/>). Over the limit: 429 problem details naming the limit, with Retry-After.
/// </summary>
internal static class ApiRateLimiting
{
    public const string PolicyName = "api";

    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services) => services.AddRateLimiter(limiter =>
    {
        limiter.AddPolicy(PolicyName, context =>
        {
            var perMinute = context.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value.RequestsPerMinute;
            var partition = PrincipalClaims.KeyId(context.User) is { } keyId
                ? "key:" + keyId
                : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        });
        limiter.OnRejected = async (rejected, cancellationToken) =>
        {
            var context = rejected.HttpContext;
            var perMinute = context.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value.RequestsPerMinute;
            var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await context.RequestServices.GetRequiredService<IProblemDetailsService>()
                .WriteAsync(LimitProblems.TooManyRequests(context, perMinute)).ConfigureAwait(false);
        };
    });
}
