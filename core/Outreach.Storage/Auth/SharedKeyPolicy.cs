using Azure.Core;
using Azure.Core.Pipeline;
using Outreach.Storage.Http;

namespace Outreach.Storage.Auth;

/// <summary>
/// Signs each try with the account key. It must be the LAST per-retry policy: Azure.Core adds
/// <c>x-ms-client-request-id</c> and the date policy adds <c>x-ms-date</c> earlier, and both are signed.
/// Blob and queue requests use the full Shared Key string; table requests use the configured table scheme.
/// </summary>
internal sealed class SharedKeyPolicy(SharedKeySigner signer, TableSharedKeyScheme tableScheme) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        string authorization;
        if (message.GetService() == StorageService.Table)
        {
            request.Headers.TryGetValue(StorageDatePolicy.HeaderName, out var date);
            var scheme = tableScheme == TableSharedKeyScheme.SharedKeyLite ? "SharedKeyLite" : "SharedKey";
            var stringToSign = TableStringToSign.Build(request, signer.AccountName, date ?? string.Empty, tableScheme);
            authorization = $"{scheme} {signer.AccountName}:{signer.Sign(stringToSign)}";
        }
        else
        {
            authorization = $"SharedKey {signer.AccountName}:{signer.Sign(BlobQueueStringToSign.Build(request, signer.AccountName))}";
        }

        request.Headers.SetValue(HttpHeader.Names.Authorization, authorization);
    }
}
