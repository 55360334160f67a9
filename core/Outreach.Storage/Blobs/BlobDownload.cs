using Azure;

namespace Outreach.Storage.Blobs;

/// <summary>The result of a conditional blob read.</summary>
/// <param name="Status">Whether it was found, unchanged or downloaded.</param>
/// <param name="ETag">The blob's current ETag (the known one when not modified), or null when not found.</param>
/// <param name="Content">The blob's bytes when downloaded, else null.</param>
public sealed record BlobDownload(BlobDownloadStatus Status, ETag? ETag, byte[]? Content);
