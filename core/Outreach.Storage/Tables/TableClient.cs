using System.Text;
using Azure;
using Azure.Core;
using Outreach.Storage.Http;

namespace Outreach.Storage.Tables;

/// <summary>
/// One table. Obtain it from <see cref="StorageAccount.GetTable"/>; it is cheap, thread-safe and shares the
/// account's pipeline. Keys are validated before any request. Lost races throw <see cref="StorageConcurrencyException"/>.
/// </summary>
public sealed partial class TableClient
{
    private const string ReadAccept = "application/json;odata=minimalmetadata";
    private const string InsertContentType = "application/json;odata=nometadata";
    private const string UpdateContentType = "application/json";
    private readonly StoragePipeline _pipeline;
    private readonly Uri _serviceEndpoint;
    private readonly Uri _tableUri;

    internal TableClient(StoragePipeline pipeline, Uri serviceEndpoint, string name)
    {
        Name = StorageNames.Table(name);
        _pipeline = pipeline;
        _serviceEndpoint = serviceEndpoint;
        _tableUri = Endpoints.Child(serviceEndpoint, name);
    }

    /// <summary>The table name.</summary>
    public string Name { get; }

    /// <summary>Creates the table if it does not exist.</summary>
    /// <returns>True if this call created it.</returns>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        var body = Encoding.UTF8.GetBytes($"{{\"TableName\":\"{Name}\"}}");
        using var message = Create(RequestMethod.Post, Address(_serviceEndpoint, "/Tables"), body, InsertContentType);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            201 or 204 => true,
            409 => false, // TableAlreadyExists
            _ => throw _pipeline.Failure(response, $"Creating table {Name}"),
        };
    }

    /// <summary>Deletes the table and every entity in it.</summary>
    /// <returns>False if it did not exist.</returns>
    public async Task<bool> DeleteTableAsync(CancellationToken cancellationToken = default)
    {
        using var message = Create(RequestMethod.Delete, Address(_serviceEndpoint, $"/Tables('{Name}')"));
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            204 => true,
            404 => false,
            _ => throw _pipeline.Failure(response, $"Deleting table {Name}"),
        };
    }

    /// <summary>Inserts a new entity and sets its <see cref="TableEntity.ETag"/>.</summary>
    /// <exception cref="StorageConcurrencyException">The entity already exists (409 EntityAlreadyExists).</exception>
    public async Task<ETag> InsertAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        TableKeys.Check(entity);
        using var message = Create(RequestMethod.Post, Address(_tableUri, string.Empty), TableEntityJson.Write(entity), InsertContentType);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        var response = await _pipeline.SendCheckedAsync(message, $"Inserting into table {Name}", cancellationToken).ConfigureAwait(false);
        return entity.ETag = ResponseETag(response);
    }

    /// <summary>Inserts the entity, or merges into / replaces an existing one; sets its <see cref="TableEntity.ETag"/>.</summary>
    public async Task<ETag> UpsertAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        TableKeys.Check(entity);
        using var message = CreateWrite(entity, mode, ifMatch: null);
        var response = await _pipeline.SendCheckedAsync(message, $"Upserting into table {Name}", cancellationToken).ConfigureAwait(false);
        return entity.ETag = ResponseETag(response);
    }

    /// <summary>
    /// Updates an existing entity only if it still has <paramref name="ifMatch"/> (use <see cref="ETag.All"/> for
    /// any version); sets its <see cref="TableEntity.ETag"/> to the new version.
    /// </summary>
    /// <exception cref="StorageConcurrencyException">Someone else changed it first (412).</exception>
    /// <exception cref="StorageRequestException">It does not exist (404 ResourceNotFound).</exception>
    public async Task<ETag> UpdateAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken cancellationToken = default)
    {
        TableKeys.Check(entity);
        using var message = CreateWrite(entity, mode, IfMatch(ifMatch));
        var response = await _pipeline.SendCheckedAsync(message, $"Updating an entity in table {Name}", cancellationToken).ConfigureAwait(false);
        return entity.ETag = ResponseETag(response);
    }

    /// <summary>Deletes an entity if it still has <paramref name="ifMatch"/> (default: any version).</summary>
    /// <returns>False if it did not exist.</returns>
    /// <exception cref="StorageConcurrencyException">Someone else changed it first (412).</exception>
    public async Task<bool> DeleteAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        TableKeys.Check(partitionKey, nameof(TableEntity.PartitionKey));
        TableKeys.Check(rowKey, nameof(TableEntity.RowKey));
        using var message = Create(RequestMethod.Delete, Address(_tableUri, TableKeys.EntityPath(partitionKey, rowKey)));
        message.Request.Headers.SetValue(HttpHeader.Names.IfMatch, IfMatch(ifMatch));
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            204 => true,
            404 => false,
            _ => throw _pipeline.Failure(response, $"Deleting an entity from table {Name}"),
        };
    }

    /// <summary>Reads one entity, or null if it does not exist.</summary>
    public async Task<TableEntity?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        TableKeys.Check(partitionKey, nameof(TableEntity.PartitionKey));
        TableKeys.Check(rowKey, nameof(TableEntity.RowKey));
        using var message = Create(RequestMethod.Get, Address(_tableUri, TableKeys.EntityPath(partitionKey, rowKey)));
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status == 404)
        {
            return null;
        }

        if (response.Status != 200)
        {
            throw _pipeline.Failure(response, $"Reading an entity from table {Name}");
        }

        using var document = System.Text.Json.JsonDocument.Parse(response.Content.ToMemory());
        var entity = TableEntityJson.Read(document.RootElement);
        entity.ETag = ResponseETag(response);
        return entity;
    }

    private HttpMessage CreateWrite(TableEntity entity, TableUpdateMode mode, string? ifMatch)
    {
        var method = mode == TableUpdateMode.Replace ? RequestMethod.Put : RequestMethod.Patch;
        var message = Create(method, Address(_tableUri, TableKeys.EntityPath(entity.PartitionKey, entity.RowKey)), TableEntityJson.Write(entity), UpdateContentType);
        if (ifMatch is not null)
        {
            message.Request.Headers.SetValue(HttpHeader.Names.IfMatch, ifMatch);
        }

        return message;
    }

    private HttpMessage Create(RequestMethod method, RequestUriBuilder uri, ReadOnlyMemory<byte>? body = null, string? contentType = null)
    {
        var message = _pipeline.CreateMessage(StorageService.Table, method, uri);
        var headers = message.Request.Headers;
        headers.SetValue(HttpHeader.Names.Accept, ReadAccept);
        headers.SetValue("DataServiceVersion", "3.0");
        if (body is { } content)
        {
            headers.SetValue(HttpHeader.Names.ContentType, contentType!);
            message.Request.Content = RequestContent.Create(content);
        }

        return message;
    }

    private static RequestUriBuilder Address(Uri baseUri, string suffix) => Endpoints.Address(baseUri, suffix);

    /// <summary>The If-Match value for an ETag: <c>*</c> for default or <see cref="ETag.All"/>.</summary>
    internal static string IfMatch(ETag etag) => etag == default || etag == ETag.All ? "*" : etag.ToString();

    private static ETag ResponseETag(Response response) =>
        response.Headers.ETag ?? throw new StorageRequestException("The Table service returned no ETag for a write.");
}
