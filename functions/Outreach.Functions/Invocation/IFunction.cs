namespace Outreach.Functions.Invocation;

/// <summary>
/// What every queue or timer function declares about itself, so the start-up check can compare it with its
/// <c>functions/&lt;Name&gt;/function.json</c>.
/// </summary>
internal interface IFunction
{
    /// <summary>The function folder's name; the host POSTs invocations to <c>/&lt;Name&gt;</c>.</summary>
    string Name { get; }

    /// <summary>The name of the trigger binding in function.json (the key of the trigger's value in <c>Data</c>).</summary>
    string TriggerBinding { get; }

    /// <summary>Output bindings the function fills (see <see cref="FunctionOutcome"/>); each must be declared in function.json.</summary>
    IReadOnlyCollection<string> OutputBindings => [];
}
