namespace Outreach.Functions.Invocation;

/// <summary>The trigger a registered function class handles.</summary>
internal enum FunctionKind
{
    Queue,
    Timer,
}
