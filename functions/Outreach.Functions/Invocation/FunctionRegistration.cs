namespace Outreach.Functions.Invocation;

/// <summary>A queue or timer function the app implements, as the start-up check compares it with function.json.</summary>
internal sealed record FunctionRegistration(
    string Name,
    FunctionKind Kind,
    Type Implementation,
    string TriggerBinding,
    IReadOnlyCollection<string> OutputBindings);
