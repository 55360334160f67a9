namespace Outreach.Storage.Http;

/// <summary>Which service a request goes to: it picks the API version and the Shared Key string-to-sign.</summary>
internal enum StorageService
{
    Blob,
    Queue,
    Table,
}
