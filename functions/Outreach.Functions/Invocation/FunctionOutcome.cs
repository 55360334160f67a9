using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Outreach.Functions.Invocation;

/// <summary>
/// What an invocation produced: success with output-binding values, log lines and a return value, or a failure the
/// host should retry. Output values are always JSON objects or arrays of objects: the host first tries every output
/// string as base64 (HttpScriptInvocationResultExtensions.GetBindingValue), so a bare string could arrive mangled.
/// </summary>
internal sealed record FunctionOutcome
{
    private FunctionOutcome(bool succeeded, string? failure)
    {
        Succeeded = succeeded;
        Failure = failure;
    }

    public bool Succeeded { get; }

    /// <summary>Why the invocation failed; sent to the host as the error (never the message body).</summary>
    public string? Failure { get; }

    public ImmutableDictionary<string, JsonNode> Outputs { get; private init; } = ImmutableDictionary<string, JsonNode>.Empty;

    public ImmutableList<string> Logs { get; private init; } = [];

    public JsonObject? ReturnValue { get; private init; }

    public static FunctionOutcome Success() => new(true, null);

    public static FunctionOutcome Failed(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(false, reason);
    }

    /// <summary>Adds a line the host writes to the invocation's log (Application Insights in Azure).</summary>
    public FunctionOutcome WithLog(string line) => this with { Logs = Logs.Add(line) };

    /// <summary>Adds one message to a queue output binding; the binding's value is an array with one element per message.</summary>
    public FunctionOutcome WithQueueMessage(string binding, object message)
    {
        var element = AsObject(message, binding);
        var messages = Outputs.TryGetValue(binding, out var existing) ? (JsonArray)existing.DeepClone() : [];
        messages.Add(element);
        return this with { Outputs = Outputs.SetItem(binding, messages) };
    }

    /// <summary>Sets the value of the <c>$return</c> output binding.</summary>
    public FunctionOutcome WithReturnValue(object value) => this with { ReturnValue = AsObject(value, "$return") };

    private static JsonObject AsObject(object value, string binding) =>
        JsonSerializer.SerializeToNode(value, JsonSerializerOptions.Web) as JsonObject
        ?? throw new ArgumentException(
            $"Output '{binding}' must serialize to a JSON object; the host would try a bare string as base64.", nameof(value));
}
