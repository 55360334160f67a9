using Azure;

namespace Outreach.Storage.Blobs;

/// <summary>A blob as listed: name, size, version and last change.</summary>
/// <param name="Name">The blob name (may contain <c>/</c> as a folder separator).</param>
/// <param name="Size">Length in bytes.</param>
/// <param name="ETag">The current version.</param>
/// <param name="LastModified">When it last changed.</param>
/// <param name="ContentType">Its Content-Type, if set.</param>
public sealed record BlobItem(string Name, long Size, ETag ETag, DateTimeOffset LastModified, string? ContentType);
