namespace Outreach.Core.Outcomes;

/// <summary>What processing an inbound delivery came to.</summary>
public enum InboundProcessingStatus
{
    /// <summary>Classified and matched: outcomes and actions are in the result.</summary>
    Matched,

    /// <summary>Classified but tied to no task; a <see cref="RecordUnmatched"/> action says why.</summary>
    Unmatched,

    /// <summary>The same delivery was processed before; nothing to do.</summary>
    AlreadyProcessed,
}
