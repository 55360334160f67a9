namespace Outreach.Functions.LocalRunner;

/// <summary>The poison queue's name, by the storage extension's rule.</summary>
internal static class PoisonQueue
{
    public const string Suffix = "-poison";

    private const int MaxQueueNameLength = 63;

    /// <summary><c>&lt;queue&gt;-poison</c>; null for a queue that is itself a poison queue or whose poison name would be too long.</summary>
    public static string? NameFor(string queue) =>
        queue.EndsWith(Suffix, StringComparison.Ordinal) || queue.Length + Suffix.Length > MaxQueueNameLength ? null : queue + Suffix;
}
