using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Outreach.Functions.Invocation;

namespace Outreach.Functions.LocalRunner;

/// <summary>
/// Sends invocations the way the Functions host does: <c>POST {handler}/&lt;FunctionName&gt;</c> with the JSON envelope
/// and the host's headers, over real HTTP to the handler's own listening address.
/// </summary>
internal sealed class FunctionInvocationClient(HttpClient http) : IDisposable
{
    public const string UserAgent = "Outreach-LocalRunner/1.0 (Azure-Functions-Host compatible)";

    public async Task<InvocationResult> InvokeAsync(string function, JsonObject envelope, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Uri.EscapeDataString(function), UriKind.Relative))
        {
            Content = JsonContent.Create(envelope),
        };
        request.Headers.Add(FunctionInvocationEndpoints.InvocationIdHeader, Guid.NewGuid().ToString());
        request.Headers.Add("X-Azure-Functions-HostVersion", "local-runner");
        request.Headers.UserAgent.ParseAdd(UserAgent);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return new InvocationResult((int)response.StatusCode, null, null, []);
        }

        // Like the host, a success whose body is not the JSON result counts as a failed invocation.
        if (response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return new InvocationResult(StatusCodes.Status502BadGateway, null, null, []);
        }

        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false);
        var logs = body?["Logs"] is JsonArray lines ? lines.Select(l => l?.GetValueKind() == JsonValueKind.String ? l.GetValue<string>() : l?.ToJsonString() ?? "").ToList() : [];
        return new InvocationResult((int)response.StatusCode, body?["Outputs"] as JsonObject, body?["ReturnValue"], logs);
    }

    public void Dispose() => http.Dispose();
}
