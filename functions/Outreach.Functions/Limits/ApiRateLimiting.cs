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
/// <see cref="LimitsOptions.ForwardedHops"/>). A webhook's verified calls share an allowance of their own
/// (<see cref="WebhookAllowance"/>, <see cref="LimitsOptions.WebhookRequestsPerMinute"/>). Over the limit: 429 problem
/// details naming the limit, with Retry-After.
/// </summary>
internal static class ApiRateLimiting
{
    public const string PolicyName = "api";

    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services) => services.AddRateLimiter(limiter =>
    {
        limiter.AddPolicy(PolicyName, context =>
        {
            var limits = context.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value;
            var (partition, perMinute) = WebhookAllowance.Of(context) is { } webhook
                ? ("webhook:" + webhook.Name, limits.WebhookRequestsPerMinute)
                : PrincipalClaims.KeyId(context.User) is { } keyId
                    ? ("key:" + keyId, limits.RequestsPerMinute)
                    : ("ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), limits.RequestsPerMinute);
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
            var limits = context.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value;
            var (perMinute, setting, per) = WebhookAllowance.Of(context) is not null
                ? (limits.WebhookRequestsPerMinute, "Limits:WebhookRequestsPerMinute", "to this webhook's verified calls")
                : (limits.RequestsPerMinute, "Limits:RequestsPerMinute", PrincipalClaims.KeyId(context.User) is null ? "per client address to anonymous calls" : "per API key");
            var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await context.RequestServices.GetRequiredService<IProblemDetailsService>()
                .WriteAsync(LimitProblems.TooManyRequests(context, perMinute, setting, per)).ConfigureAwait(false);
        };
    });
}
