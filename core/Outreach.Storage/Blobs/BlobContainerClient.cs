using System.Globalization;
using System.Runtime.CompilerServices;
using Azure.Core;
using Outreach.Storage.Http;

namespace Outreach.Storage.Blobs;

/// <summary>
/// One blob container. Obtain it from <see cref="StorageAccount.GetBlobContainer"/>; it is cheap, thread-safe and
/// shares the account's pipeline. Uploads and downloads are streamed (at most two blocks are held in memory).
/// </summary>
public sealed partial class BlobContainerClient
{
    private readonly StoragePipeline _pipeline;
    private readonly Uri _containerUri;
    private readonly int _blockSize;

    internal BlobContainerClient(StoragePipeline pipeline, Uri serviceEndpoint, string name, int blockSize)
    {
        Name = StorageNames.QueueOrContainer(name, "container");
        _pipeline = pipeline;
        _containerUri = Endpoints.Child(serviceEndpoint, name);
        _blockSize = blockSize;
    }

    /// <summary>The container name.</summary>
    public string Name { get; }

    /// <summary>The container URL.</summary>
    public Uri Uri => _containerUri;

    /// <summary>Creates the (private) container if it does not exist.</summary>
    /// <returns>True if this call created it.</returns>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        var uri = ContainerAddress();
        using var message = _pipeline.CreateMessage(StorageService.Blob, RequestMethod.Put, uri);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            201 => true,
            409 => false, // ContainerAlreadyExists
            _ => throw _pipeline.Failure(response, $"Creating container {Name}"),
        };
    }

    /// <summary>Deletes the container and its blobs.</summary>
    /// <returns>False if it did not exist.</returns>
    public async Task<bool> DeleteContainerAsync(CancellationToken cancellationToken = default)
    {
        var uri = ContainerAddress();
        using var message = _pipeline.CreateMessage(StorageService.Blob, RequestMethod.Delete, uri);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            202 => true,
            404 => false,
            _ => throw _pipeline.Failure(response, $"Deleting container {Name}"),
        };
    }

    /// <summary>
    /// Opens a blob for reading, streamed from the service (dispose the stream), or null if it does not exist.
    /// </summary>
    public async Task<Stream?> OpenReadAsync(string blobName, CancellationToken cancellationToken = default) =>
        (await OpenReadVersionedAsync(blobName, cancellationToken).ConfigureAwait(false))?.Content;

    /// <summary>
    /// Opens a blob for reading, streamed, with the ETag of the version being read (for a later conditional write,
    /// <see cref="UploadIfMatchAsync"/>); null if it does not exist.
    /// </summary>
    public async Task<(Stream Content, Azure.ETag? ETag)?> OpenReadVersionedAsync(string blobName, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(StorageService.Blob, RequestMethod.Get, Address(blobName));
        message.BufferResponse = false;
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            200 => (message.ExtractResponseContent()!, ETagOf(response)),
            404 => null,
            _ => throw _pipeline.Failure(response, $"Reading blob {blobName} in {Name}"),
        };
    }

    /// <summary>Copies a blob into <paramref name="destination"/>.</summary>
    /// <returns>False (and nothing written) if the blob does not exist.</returns>
    public async Task<bool> DownloadToAsync(string blobName, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var source = await OpenReadAsync(blobName, cancellationToken).ConfigureAwait(false);
        if (source is null)
        {
            return false;
        }

        await using (source.ConfigureAwait(false))
        {
            await source.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Lists blobs whose names start with <paramref name="prefix"/>, following continuation markers.</summary>
    /// <param name="prefix">A name prefix, or null for all.</param>
    /// <param name="pageSize">Blobs per request (1-5000), or null for the service default.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public async IAsyncEnumerable<BlobItem> ListAsync(string? prefix = null, int? pageSize = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (pageSize is < 1 or > 5000)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "A list page holds 1 to 5000 blobs.");
        }

        string? marker = null;
        do
        {
            var uri = ContainerAddress();
            uri.AppendQuery("comp", "list", escapeValue: true);
            if (!string.IsNullOrEmpty(prefix))
            {
                uri.AppendQuery("prefix", prefix, escapeValue: true);
            }

            if (pageSize is { } size)
            {
                uri.AppendQuery("maxresults", size.ToString(CultureInfo.InvariantCulture), escapeValue: true);
            }

            if (marker is not null)
            {
                uri.AppendQuery("marker", marker, escapeValue: true);
            }

            List<BlobItem> items;
            using (var message = _pipeline.CreateMessage(StorageService.Blob, RequestMethod.Get, uri))
            {
                var response = await _pipeline.SendCheckedAsync(message, $"Listing container {Name}", cancellationToken).ConfigureAwait(false);
                (items, marker) = BlobListXml.Read(response.ContentStream!);
            }

            foreach (var item in items)
            {
                yield return item;
            }
        }
        while (marker is not null);
    }

    /// <summary>Deletes a blob (and its snapshots).</summary>
    /// <exception cref="StorageRequestException">404 BlobNotFound when it does not exist.</exception>
    public async Task DeleteAsync(string blobName, CancellationToken cancellationToken = default)
    {
        if (!await DeleteIfExistsAsync(blobName, cancellationToken).ConfigureAwait(false))
        {
            throw new StorageRequestException($"Deleting blob {blobName} in {Name} failed: 404 BlobNotFound", 404, "BlobNotFound", null);
        }
    }

    /// <summary>Deletes a blob (and its snapshots) if it exists.</summary>
    /// <returns>False if it did not exist.</returns>
    public async Task<bool> DeleteIfExistsAsync(string blobName, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(StorageService.Blob, RequestMethod.Delete, Address(blobName));
        message.Request.Headers.SetValue("x-ms-delete-snapshots", "include");
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            202 => true,
            404 => false,
            _ => throw _pipeline.Failure(response, $"Deleting blob {blobName} in {Name}"),
        };
    }

    /// <summary>A blob's URL, with every path segment of its name percent-encoded.</summary>
    private RequestUriBuilder Address(string blobName)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        if (blobName.Length is 0 or > 1024)
        {
            throw new ArgumentException("A blob name has 1 to 1024 characters.", nameof(blobName));
        }

        return Endpoints.Address(_containerUri, "/" + string.Join('/', blobName.Split('/').Select(Uri.EscapeDataString)));
    }

    private RequestUriBuilder ContainerAddress()
    {
        var uri = Endpoints.Address(_containerUri, string.Empty);
        uri.AppendQuery("restype", "container", escapeValue: true);
        return uri;
    }
}
