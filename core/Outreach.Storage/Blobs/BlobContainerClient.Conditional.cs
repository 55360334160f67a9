using Azure;
using Azure.Core;
using Outreach.Storage.Http;

namespace Outreach.Storage.Blobs;

public sealed partial class BlobContainerClient
{
    /// <summary>
    /// Downloads a blob unless it still has <paramref name="knownETag"/> (a conditional GET with <c>If-None-Match</c>):
    /// a caller that caches what it read pays one small 304 round trip per check instead of the whole blob.
    /// </summary>
    /// <param name="blobName">The blob name.</param>
    /// <param name="knownETag">The ETag of the copy the caller holds, or null to always download.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<BlobDownload> DownloadIfChangedAsync(string blobName, ETag? knownETag, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(StorageService.Blob, RequestMethod.Get, Address(blobName));
        if (knownETag is { } etag)
        {
            message.Request.Headers.Add(HttpHeader.Names.IfNoneMatch, etag.ToString("H"));
        }

        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            200 => new BlobDownload(BlobDownloadStatus.Downloaded, ETagOf(response), response.Content.ToArray()),
            304 => new BlobDownload(BlobDownloadStatus.NotModified, knownETag, null),
            404 => new BlobDownload(BlobDownloadStatus.NotFound, null, null),
            _ => throw _pipeline.Failure(response, $"Reading blob {blobName} in {Name}"),
        };
    }

    private static ETag? ETagOf(Response response) =>
        response.Headers.TryGetValue(HttpHeader.Names.ETag, out var value) && !string.IsNullOrEmpty(value) ? new ETag(value) : null;
}
