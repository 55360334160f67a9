using System.Text.Json.Serialization;

namespace Outreach.Functions.Invocation;

/// <summary>The body of a failed invocation, sent with status 500 so the host counts the attempt as failed and retries.</summary>
internal sealed record InvocationFailure(
    [property: JsonPropertyName("Error")] string Error,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs);
