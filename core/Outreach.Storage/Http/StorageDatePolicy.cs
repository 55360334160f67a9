using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Outreach.Storage.Http;

/// <summary>
/// Stamps <c>x-ms-date</c> from the injected clock on every try (the service rejects a date more than
/// 15 minutes off, and a retry after backoff must not reuse a stale one). Runs just before authentication.
/// </summary>
internal sealed class StorageDatePolicy(TimeProvider timeProvider) : HttpPipelineSynchronousPolicy
{
    public const string HeaderName = "x-ms-date";

    public override void OnSendingRequest(HttpMessage message) =>
        message.Request.Headers.SetValue(HeaderName, timeProvider.GetUtcNow().ToString("r", CultureInfo.InvariantCulture));
}
