using Azure.Core;
using Azure.Core.Pipeline;
using Outreach.Storage.Auth;
using Outreach.Storage.Blobs;
using Outreach.Storage.Http;
using Outreach.Storage.Queues;
using Outreach.Storage.Tables;

namespace Outreach.Storage;

/// <summary>
/// One storage account: its endpoints and ONE shared <see cref="HttpPipeline"/> (retries, <c>x-ms-date</c>,
/// authentication) that every queue, table and blob client it hands out reuses. Create one per process.
/// </summary>
public sealed class StorageAccount
{
    /// <summary>The OAuth scope Azure Storage tokens are requested for.</summary>
    public const string TokenScope = "https://storage.azure.com/.default";

    private readonly StoragePipeline _pipeline;
    private readonly int _blobBlockSize;

    /// <summary>An account authorized with Shared Key (account name and key from the connection).</summary>
    public StorageAccount(StorageConnection connection, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        options ??= new StorageClientOptions();
        _blobBlockSize = options.BlobBlockSize;
        BlobEndpoint = connection.BlobEndpoint;
        QueueEndpoint = connection.QueueEndpoint;
        TableEndpoint = connection.TableEndpoint;
        AccountName = connection.AccountName;
        var signer = new SharedKeySigner(connection.AccountName, connection.AccountKey);
        _pipeline = Build(options, new SharedKeyPolicy(signer, options.TableSharedKeyScheme), $"the account key for {connection.AccountName}");
    }

    /// <summary>
    /// An account authorized with Entra ID bearer tokens from any <see cref="TokenCredential"/> (e.g. a managed
    /// identity from Azure.Identity), requested for <see cref="TokenScope"/>. Endpoints must be https.
    /// </summary>
    public StorageAccount(Uri blobEndpoint, Uri queueEndpoint, Uri tableEndpoint, TokenCredential credential, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(blobEndpoint);
        ArgumentNullException.ThrowIfNull(queueEndpoint);
        ArgumentNullException.ThrowIfNull(tableEndpoint);
        ArgumentNullException.ThrowIfNull(credential);
        options ??= new StorageClientOptions();
        _blobBlockSize = options.BlobBlockSize;
        BlobEndpoint = Trimmed(blobEndpoint);
        QueueEndpoint = Trimmed(queueEndpoint);
        TableEndpoint = Trimmed(tableEndpoint);
        AccountName = QueueEndpoint.Host.Split('.')[0];
        _pipeline = Build(options, new BearerTokenAuthenticationPolicy(credential, TokenScope), $"the access token for {AccountName}");
    }

    /// <summary>The account name (from the connection string, or the first label of the queue host for token auth).</summary>
    public string AccountName { get; }

    /// <summary>Blob service endpoint.</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>Queue service endpoint.</summary>
    public Uri QueueEndpoint { get; }

    /// <summary>Table service endpoint.</summary>
    public Uri TableEndpoint { get; }

    /// <summary>Parses <paramref name="connectionString"/> (see <see cref="StorageConnection.Parse"/>) and creates the account.</summary>
    public static StorageAccount FromConnectionString(string connectionString, StorageClientOptions? options = null) =>
        new(StorageConnection.Parse(connectionString), options);

    /// <summary>A client for one queue. Nothing is sent until an operation is called.</summary>
    /// <param name="name">3-63 lowercase letters, digits and single hyphens.</param>
    /// <param name="encoding"><see cref="QueueMessageEncoding.Base64"/> for queues an Azure Functions queue trigger reads.</param>
    public QueueClient GetQueue(string name, QueueMessageEncoding encoding = QueueMessageEncoding.None) =>
        new(_pipeline, QueueEndpoint, name, encoding);

    /// <summary>A client for one table. Nothing is sent until an operation is called.</summary>
    /// <param name="name">3-63 letters and digits, starting with a letter.</param>
    public TableClient GetTable(string name) => new(_pipeline, TableEndpoint, name);

    /// <summary>A client for one blob container. Nothing is sent until an operation is called.</summary>
    /// <param name="name">3-63 lowercase letters, digits and single hyphens.</param>
    public BlobContainerClient GetBlobContainer(string name) => new(_pipeline, BlobEndpoint, name, _blobBlockSize);

    private static StoragePipeline Build(StorageClientOptions options, HttpPipelinePolicy authentication, string credentialDescription)
    {
        // Authentication goes last among the per-retry policies so that it signs every header added before it.
        var pipeline = HttpPipelineBuilder.Build(
            options,
            perCallPolicies: [],
            perRetryPolicies: [new StorageDatePolicy(options.TimeProvider), authentication],
            new ResponseClassifier());
        return new StoragePipeline(pipeline, credentialDescription);
    }

    private static Uri Trimmed(Uri endpoint) => new(endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/'));
}
