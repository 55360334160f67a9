namespace Outreach.Storage.Blobs;

/// <summary>What a conditional read (<see cref="BlobContainerClient.DownloadIfChangedAsync"/>) found.</summary>
public enum BlobDownloadStatus
{
    /// <summary>The blob does not exist.</summary>
    NotFound,

    /// <summary>The blob still has the ETag the caller holds; nothing was downloaded.</summary>
    NotModified,

    /// <summary>The blob was downloaded.</summary>
    Downloaded,
}
