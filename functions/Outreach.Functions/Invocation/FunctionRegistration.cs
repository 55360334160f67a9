namespace Outreach.Functions.Invocation;

/// <summary>A function the app implements (named by its class in messages), as the start-up check compares it with function.json.</summary>
internal sealed record FunctionRegistration(
    string Name,
    FunctionKind Kind,
    string Implementation,
    Type? ImplementationType,
    string? TriggerBinding,
    IReadOnlyCollection<string> OutputBindings);
