using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Outreach.Functions.Invocation;

/// <summary>The body of a successful invocation: <c>{ Outputs, Logs, ReturnValue }</c> (HttpScriptInvocationResult).</summary>
internal sealed record InvocationResponse(
    [property: JsonPropertyName("Outputs")] IReadOnlyDictionary<string, JsonNode> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] JsonObject? ReturnValue)
{
    public static IResult From(FunctionOutcome outcome) =>
        outcome.Succeeded
            ? TypedResults.Json(new InvocationResponse(outcome.Outputs, outcome.Logs, outcome.ReturnValue), contentType: "application/json")
            : TypedResults.Json(
                new InvocationFailure(outcome.Failure!, outcome.Logs),
                contentType: "application/json",
                statusCode: StatusCodes.Status500InternalServerError);
}
