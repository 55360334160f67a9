using System.Net.Http;
using System.Net.Sockets;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Outreach.Storage.Http;

/// <summary>
/// The account's one <see cref="HttpPipeline"/> (retries, date, authentication) plus the translation of
/// every failure into a one-line <see cref="StorageRequestException"/>: error responses, unreachable
/// endpoints, timeouts and rejected credentials.
/// </summary>
/// <param name="pipeline">The account's pipeline.</param>
/// <param name="credentialDescription">Names the credential in a 403 message, e.g. "the account key for devstoreaccount1".</param>
internal sealed class StoragePipeline(HttpPipeline pipeline, string credentialDescription)
{
    public const string BlobQueueVersion = "2020-10-02";
    public const string TableVersion = "2019-02-02";

    public HttpMessage CreateMessage(StorageService service, RequestMethod method, RequestUriBuilder uri)
    {
        var message = pipeline.CreateMessage();
        message.SetService(service);
        message.Request.Method = method;
        message.Request.Uri = uri;
        message.Request.Headers.SetValue("x-ms-version", service == StorageService.Table ? TableVersion : BlobQueueVersion);
        return message;
    }

    /// <summary>Sends the message; the response may be any status (callers decide which are expected).</summary>
    /// <exception cref="StorageRequestException">The endpoint could not be reached or timed out (after retries).</exception>
    public async ValueTask<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return message.Response;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsTransportFailure(e))
        {
            throw new StorageRequestException(
                $"Azure Storage at {Endpoint(message.Request)} is unreachable: {Reason(e)}", 0, null, null, e);
        }
    }

    /// <summary>Sends and throws unless the response is a success (2xx).</summary>
    public async ValueTask<Response> SendCheckedAsync(HttpMessage message, string operation, CancellationToken cancellationToken)
    {
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status is >= 200 and < 300 ? response : throw Failure(response, operation);
    }

    /// <summary>The exception for an error response: concurrency for lost races, a clear line for rejected keys.</summary>
    public StorageRequestException Failure(Response response, string operation, int? failedActionIndex = null)
    {
        var (code, detail) = StorageErrorBody.Read(response);
        response.Headers.TryGetValue("x-ms-request-id", out var requestId);
        var statusAndCode = code is null ? $"{response.Status}" : $"{response.Status} {code}";
        var message = response.Status == 403 && code is "AuthenticationFailed" or "AuthorizationFailure" or "InvalidAuthenticationInfo"
            ? $"Azure Storage rejected {credentialDescription} ({statusAndCode})"
            : $"{operation} failed: {statusAndCode}" + (detail is null ? string.Empty : $": {detail}");
        var concurrency = response.Status == 412 || (response.Status == 409 && code is "EntityAlreadyExists" or "BlobAlreadyExists");
        return concurrency
            ? new StorageConcurrencyException(message, response.Status, code, requestId) { FailedActionIndex = failedActionIndex }
            : new StorageRequestException(message, response.Status, code, requestId) { FailedActionIndex = failedActionIndex };
    }

    private static bool IsTransportFailure(Exception e) => e switch
    {
        RequestFailedException { Status: 0 } => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsTransportFailure),
        OperationCanceledException or IOException or HttpRequestException => true,
        _ => false,
    };

    private static string Reason(Exception e)
    {
        for (Exception? current = e; current is not null; current = current is AggregateException a ? a.InnerExceptions[^1] : current.InnerException)
        {
            switch (current)
            {
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return "connection refused";
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData }:
                    return "host not found";
                case SocketException socket:
                    return socket.Message;
                case OperationCanceledException:
                    return "timed out";
            }
        }

        return e.GetBaseException().Message;
    }

    private static string Endpoint(Request request)
    {
        var uri = request.Uri.ToUri();
        return uri.GetLeftPart(UriPartial.Path);
    }
}
