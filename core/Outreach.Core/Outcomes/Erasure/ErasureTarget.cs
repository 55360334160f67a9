namespace Outreach.Core.Outcomes;

/// <summary>What kind of stored thing an erasure step reaches.</summary>
public enum ErasureTarget
{
    /// <summary>The contact entity.</summary>
    Contact,

    /// <summary>A task, with its rendered subject and bodies and recipient.</summary>
    Task,

    /// <summary>An outcome, with its note.</summary>
    Outcome,

    /// <summary>A stored inbound message (headers and bodies).</summary>
    InboundMessage,

    /// <summary>Every blob under a prefix (raw inbound mail, rendered previews).</summary>
    BlobPrefix,

    /// <summary>The contact's row inside an uploaded import file.</summary>
    ImportRow,

    /// <summary>A suppression-list entry.</summary>
    Suppression,
}
