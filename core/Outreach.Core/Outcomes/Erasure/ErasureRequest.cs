using Outreach.Core.Contacts;

namespace Outreach.Core.Outcomes;

/// <summary>Everything stored about one contact that an erasure must reach, as gathered by the storage layer.</summary>
public sealed record ErasureRequest
{
    /// <summary>The contact to erase.</summary>
    public required Contact Contact { get; init; }

    /// <summary>The contact's tasks (any state), with the non-personal facts the counters keep.</summary>
    public IReadOnlyList<ErasureTask> Tasks { get; init; } = [];

    /// <summary>The contact's outcomes.</summary>
    public IReadOnlyList<Outcome> Outcomes { get; init; } = [];

    /// <summary>Dedupe keys of inbound messages stored for the contact (matched replies, bounces, auto-replies).</summary>
    public IReadOnlyList<string> InboundMessageKeys { get; init; } = [];
}
