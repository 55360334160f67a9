using System.Text.Json.Nodes;

namespace Outreach.Functions.LocalRunner;

/// <summary>The handler's answer to one invocation, as the runner needs it to finish a message.</summary>
internal sealed record InvocationResult(int StatusCode, JsonObject? Outputs, JsonNode? ReturnValue, IReadOnlyList<string> Logs)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
