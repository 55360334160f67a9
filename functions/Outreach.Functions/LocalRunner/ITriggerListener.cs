namespace Outreach.Functions.LocalRunner;

/// <summary>Drives one function's trigger until shutdown.</summary>
internal interface ITriggerListener
{
    /// <param name="stopping">Stop taking new work (messages, occurrences).</param>
    /// <param name="abort">Cancel work in flight; fires once the shutdown grace period is over.</param>
    Task RunAsync(CancellationToken stopping, CancellationToken abort);
}
