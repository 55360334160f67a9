namespace Outreach.Storage.Tables;

/// <summary>How a write combines with an existing entity.</summary>
public enum TableUpdateMode
{
    /// <summary>Keep existing properties the write does not mention.</summary>
    Merge,

    /// <summary>Replace the whole entity with the written one.</summary>
    Replace,
}
