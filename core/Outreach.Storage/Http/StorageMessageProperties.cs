using Azure.Core;

namespace Outreach.Storage.Http;

/// <summary>Per-message facts the shared pipeline's policies need (which service a request targets).</summary>
internal static class StorageMessageProperties
{
    public static void SetService(this HttpMessage message, StorageService service) =>
        message.SetProperty(typeof(StorageService), service);

    public static StorageService GetService(this HttpMessage message) =>
        message.TryGetProperty(typeof(StorageService), out var value) && value is StorageService service
            ? service
            : throw new InvalidOperationException("A storage request was sent without saying which service it targets.");
}
