namespace Outreach.Functions.Invocation;

/// <summary>
/// The queue and timer functions registered in DI, by name. Built once from a scope so each function class is
/// asked for its name and bindings; invocations then resolve only the class they need.
/// </summary>
internal sealed class FunctionRegistry(IServiceScopeFactory scopes)
{
    private readonly Lazy<IReadOnlyList<FunctionRegistration>> _registrations = new(() => Discover(scopes));

    public IReadOnlyList<FunctionRegistration> Registrations => _registrations.Value;

    public FunctionRegistration? Find(string name) =>
        Registrations.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

    private static FunctionRegistration Registration(IFunction function, FunctionKind kind) =>
        new(function.Name, kind, function.GetType(), function.TriggerBinding, function.OutputBindings);

    private static List<FunctionRegistration> Discover(IServiceScopeFactory scopes)
    {
        using var scope = scopes.CreateScope();
        var queue = scope.ServiceProvider.GetServices<IQueueFunction>().Select(f => Registration(f, FunctionKind.Queue));
        var timer = scope.ServiceProvider.GetServices<ITimerFunction>().Select(f => Registration(f, FunctionKind.Timer));
        return [.. queue, .. timer];
    }
}
