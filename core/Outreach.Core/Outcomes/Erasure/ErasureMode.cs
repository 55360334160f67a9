namespace Outreach.Core.Outcomes;

/// <summary>How an erasure step treats its target.</summary>
public enum ErasureMode
{
    /// <summary>Remove it.</summary>
    Delete,

    /// <summary>Blank the personal fields of the row or line, keep the rest (an import file's other rows).</summary>
    Redact,

    /// <summary>
    /// Replace the address by its SHA-256 (<see cref="ErasurePlan.SuppressionHash"/>): the person stays
    /// unmailable if re-imported, and the address itself is no longer stored.
    /// </summary>
    ReplaceWithHash,
}
