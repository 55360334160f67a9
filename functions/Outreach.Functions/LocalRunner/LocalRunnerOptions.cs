using System.ComponentModel.DataAnnotations;

namespace Outreach.Functions.LocalRunner;

/// <summary>The local trigger runner (section <c>LocalRunner</c>); queue and timer behaviour itself comes from host.json.</summary>
internal sealed class LocalRunnerOptions
{
    public const string SectionName = "LocalRunner";

    /// <summary>Off: the handler only serves invocations (as under a Functions host), nothing polls or fires.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>On shutdown, how long in-flight invocations may finish before they are cancelled and their messages released.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a received message stays invisible while its invocation runs; renewed at half-time, like the host's
    /// message lease, so a crash makes it visible again after this rather than storage's 10 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:02", "01:00:00")]
    public TimeSpan MessageLease { get; set; } = TimeSpan.FromMinutes(1);
}
