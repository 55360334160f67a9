using System.Net;

namespace Outreach.Storage.Tests.Auth;

/// <summary>
/// The HTTP layer under Azure.Core's <c>HttpClientTransport</c> for pipeline-level tests that Azurite cannot
/// serve (OAuth needs https): records each request's headers and answers with the queued statuses.
/// </summary>
internal sealed class RecordingHandler(params HttpStatusCode[] statuses) : HttpMessageHandler
{
    private int _calls;

    /// <summary>A body (and its media type) every response carries, e.g. an error document.</summary>
    public (string Text, string MediaType)? Body { get; init; }

    public List<Dictionary<string, string>> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        headers["uri"] = request.RequestUri!.AbsoluteUri;
        Requests.Add(headers);
        var status = statuses[Math.Min(_calls++, statuses.Length - 1)];
        var response = new HttpResponseMessage(status)
        {
            Content = Body is { } body ? new StringContent(body.Text, System.Text.Encoding.UTF8, body.MediaType) : new ByteArrayContent([]),
        };
        response.Headers.Add("x-ms-request-id", $"req-{_calls}");
        return Task.FromResult(response);
    }
}
