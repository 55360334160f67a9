namespace Outreach.Functions.Tests.Isolation;

/// <summary>
/// How the isolation walk covers one HTTP function: the probes owner A sends at owner B's data, or, for an anonymous
/// route, why it is not owner-scoped.
/// </summary>
internal sealed record WalkCase(string Function, IReadOnlyList<Probe> Probes, string? AnonymousBecause)
{
    public static WalkCase Scoped(string function, params Probe[] probes) => new(function, probes, null);

    public static WalkCase Anonymous(string function, string because) => new(function, [], because);
}
