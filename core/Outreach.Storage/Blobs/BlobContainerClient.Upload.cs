using System.Buffers;
using System.Globalization;
using System.Security;
using System.Text;
using Azure;
using Azure.Core;
using Outreach.Storage.Http;

namespace Outreach.Storage.Blobs;

public sealed partial class BlobContainerClient
{
    private const string DefaultContentType = "application/octet-stream";

    /// <summary>Uploads (or overwrites) a blob from a stream; see <see cref="UploadAsync(string, Stream, string, bool, CancellationToken)"/>.</summary>
    public Task<bool> UploadAsync(string blobName, Stream content, string contentType = DefaultContentType, CancellationToken cancellationToken = default) =>
        UploadAsync(blobName, content, contentType, overwrite: true, cancellationToken);

    /// <summary>
    /// Uploads a blob from a stream, read one block at a time. Content that fits in one block
    /// (<see cref="StorageClientOptions.BlobBlockSize"/>) goes up with one Put Blob; larger content as Put Block
    /// calls committed by one Put Block List, so readers never see a partial blob.
    /// </summary>
    /// <param name="blobName">The blob name; <c>/</c> separates virtual folders.</param>
    /// <param name="content">Read to its end; not disposed.</param>
    /// <param name="contentType">The blob's Content-Type.</param>
    /// <param name="overwrite">False: create only if absent (If-None-Match: *).</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>True if written; false when <paramref name="overwrite"/> is false and the blob already exists.</returns>
    public async Task<bool> UploadAsync(string blobName, Stream content, string contentType, bool overwrite, CancellationToken cancellationToken = default) =>
        await UploadAsync(blobName, content, contentType, overwrite ? null : "*", ifMatch: null, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>
    /// Uploads (or overwrites) a blob as <see cref="UploadAsync(string, Stream, string, bool, CancellationToken)"/> does, and
    /// returns the ETag the service answered with: the version written, for a later <see cref="UploadIfMatchAsync"/>
    /// without reading the blob back.
    /// </summary>
    /// <param name="blobName">The blob name.</param>
    /// <param name="content">Read to its end; not disposed.</param>
    /// <param name="contentType">The blob's Content-Type.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The new version's ETag.</returns>
    public async Task<ETag> UploadVersionedAsync(string blobName, Stream content, string contentType, CancellationToken cancellationToken = default) =>
        await UploadAsync(blobName, content, contentType, ifNoneMatch: null, ifMatch: null, cancellationToken).ConfigureAwait(false)
        ?? throw new StorageRequestException($"Uploading blob {blobName} to {Name} returned no ETag.");

    /// <summary>
    /// Replaces a blob only if it still has <paramref name="ifMatch"/> (If-Match): a read-modify-write that loses to
    /// another writer changes nothing. Uploaded as <see cref="UploadAsync(string, Stream, string, bool, CancellationToken)"/> is.
    /// </summary>
    /// <param name="blobName">The blob name.</param>
    /// <param name="content">Read to its end; not disposed.</param>
    /// <param name="contentType">The blob's Content-Type.</param>
    /// <param name="ifMatch">The ETag the blob had when it was read (<see cref="DownloadIfChangedAsync"/>), or was written with.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>
    /// The ETag of the version written (the response's ETag header), so the next replace can go over it without reading
    /// the blob again; null when the blob changed since (or no longer exists) and nothing was written.
    /// </returns>
    public Task<ETag?> UploadIfMatchAsync(string blobName, Stream content, string contentType, ETag ifMatch, CancellationToken cancellationToken = default)
    {
        if (ifMatch == default || ifMatch == ETag.All)
        {
            throw new ArgumentException("A conditional upload needs the ETag the blob was read with.", nameof(ifMatch));
        }

        return UploadAsync(blobName, content, contentType, ifNoneMatch: null, ifMatch.ToString("H"), cancellationToken);
    }

    private async Task<ETag?> UploadAsync(string blobName, Stream content, string contentType, string? ifNoneMatch, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        var uri = Address(blobName); // validates the name before reading anything
        var current = ArrayPool<byte>.Shared.Rent(_blockSize);
        var next = ArrayPool<byte>.Shared.Rent(_blockSize);
        try
        {
            var currentLength = await FillAsync(content, current.AsMemory(0, _blockSize), cancellationToken).ConfigureAwait(false);
            var nextLength = currentLength < _blockSize ? 0 : await FillAsync(content, next.AsMemory(0, _blockSize), cancellationToken).ConfigureAwait(false);
            if (nextLength == 0)
            {
                return await PutBlobAsync(blobName, uri, current.AsMemory(0, currentLength), contentType, ifNoneMatch, ifMatch, cancellationToken).ConfigureAwait(false);
            }

            var blockIds = new List<string>();
            while (currentLength > 0)
            {
                blockIds.Add(await PutBlockAsync(blobName, blockIds.Count, current.AsMemory(0, currentLength), cancellationToken).ConfigureAwait(false));
                (current, next, currentLength) = (next, current, nextLength);
                nextLength = currentLength == 0 ? 0 : await FillAsync(content, next.AsMemory(0, _blockSize), cancellationToken).ConfigureAwait(false);
            }

            return await PutBlockListAsync(blobName, blockIds, contentType, ifNoneMatch, ifMatch, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(current);
            ArrayPool<byte>.Shared.Return(next);
        }
    }

    private async Task<ETag?> PutBlobAsync(
        string blobName, RequestUriBuilder uri, ReadOnlyMemory<byte> data, string contentType, string? ifNoneMatch, string? ifMatch, CancellationToken cancellationToken)
    {
        using var message = _pipeline.CreateMessage(StorageService.Blob, RequestMethod.Put, uri);
        message.Request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        message.Request.Headers.SetValue(HttpHeader.Names.ContentType, contentType);
        message.Request.Content = RequestContent.Create(data);
        return await CommitAsync(message, blobName, ifNoneMatch, ifMatch, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> PutBlockAsync(string blobName, int index, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        // Block ids must all have the same length within a blob: a fixed-width counter, base64-encoded.
        var blockId = Convert.ToBase64String(Encoding.ASCII.GetBytes(index.ToString("D6", CultureInfo.InvariantCulture)));
        var uri = Address(blobName);
        uri.AppendQuery("comp", "block", escapeValue: true);
        uri.AppendQuery("blockid", blockId, escapeValue: true);
        using var message = _pipeline.CreateMessage(StorageService.Blob, RequestMethod.Put, uri);
        message.Request.Content = RequestContent.Create(data);
        await _pipeline.SendCheckedAsync(message, $"Uploading block {index} of blob {blobName} in {Name}", cancellationToken).ConfigureAwait(false);
        return blockId;
    }

    private async Task<ETag?> PutBlockListAsync(
        string blobName, List<string> blockIds, string contentType, string? ifNoneMatch, string? ifMatch, CancellationToken cancellationToken)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList>");
        foreach (var id in blockIds)
        {
            xml.Append("<Latest>").Append(SecurityElement.Escape(id)).Append("</Latest>");
        }

        xml.Append("</BlockList>");
        var uri = Address(blobName);
        uri.AppendQuery("comp", "blocklist", escapeValue: true);
        using var message = _pipeline.CreateMessage(StorageService.Blob, RequestMethod.Put, uri);
        message.Request.Headers.SetValue("x-ms-blob-content-type", contentType);
        message.Request.Headers.SetValue(HttpHeader.Names.ContentType, "application/xml; charset=utf-8");
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(xml.ToString()));
        return await CommitAsync(message, blobName, ifNoneMatch, ifMatch, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ETag?> CommitAsync(HttpMessage message, string blobName, string? ifNoneMatch, string? ifMatch, CancellationToken cancellationToken)
    {
        if (ifNoneMatch is not null)
        {
            message.Request.Headers.SetValue(HttpHeader.Names.IfNoneMatch, ifNoneMatch);
        }

        if (ifMatch is not null)
        {
            message.Request.Headers.SetValue(HttpHeader.Names.IfMatch, ifMatch);
        }

        var conditional = ifNoneMatch is not null || ifMatch is not null;
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            // The version written, as the service names it (Put Blob and Put Block List both answer with it).
            201 => ETagOf(response) ?? throw new StorageRequestException($"Uploading blob {blobName} to {Name} returned no ETag."),
            // BlobAlreadyExists / ConditionNotMet: someone else created or changed it; 404: an If-Match blob deleted meanwhile.
            409 or 412 when conditional => null,
            404 when ifMatch is not null => null,
            _ => throw _pipeline.Failure(response, $"Uploading blob {blobName} to {Name}"),
        };
    }

    // Streams may return short reads; a block is only short at the end of the content.
    private static async ValueTask<int> FillAsync(Stream content, Memory<byte> block, CancellationToken cancellationToken)
    {
        var filled = 0;
        int read;
        while (filled < block.Length && (read = await content.ReadAsync(block[filled..], cancellationToken).ConfigureAwait(false)) > 0)
        {
            filled += read;
        }

        return filled;
    }
}
